using System.Globalization;

namespace InfoTheory;

/// <summary>Argument checks shared by the library, with messages that say what to do.</summary>
internal static class Guard
{
    /// <summary>How far a probability vector's sum may drift from 1 (rounding in typed-in decimals).</summary>
    public const double SumTolerance = 1e-6;

    public static string Format(double x) => x.ToString("G10", CultureInfo.InvariantCulture);

    public static void Probability(double p, string argument)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
            throw new ArgumentException(
                $"A probability must lie in [0, 1], but {argument} is {Format(p)}.", argument);
    }

    /// <summary>Checks a probability vector: finite, non-negative, non-empty, summing to 1.</summary>
    public static void ProbabilityVector(IReadOnlyList<double> probabilities, string argument)
    {
        NonNegativeFiniteVector(probabilities, argument, "probability");
        double sum = probabilities.Sum();
        if (Math.Abs(sum - 1) > SumTolerance)
            throw new ArgumentException(
                $"The probabilities in {argument} sum to {Format(sum)}, not 1. Divide each by the sum, " +
                "or build the distribution with Distribution.FromWeights(...), which normalises for you.",
                argument);
    }

    public static void NonNegativeFiniteVector(IReadOnlyList<double> values, string argument, string what)
    {
        if (values is null) throw new ArgumentNullException(argument);
        if (values.Count == 0)
            throw new ArgumentException($"{argument} is empty: a distribution needs at least one outcome.", argument);
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            if (double.IsNaN(v) || double.IsInfinity(v))
                throw new ArgumentException($"{argument}[{i}] is {Format(v)}: every {what} must be a finite number.", argument);
            if (v < 0)
                throw new ArgumentException($"{argument}[{i}] is {Format(v)}: a {what} cannot be negative.", argument);
        }
    }

    public static void FiniteVector(IReadOnlyList<double> values, string argument)
    {
        if (values is null) throw new ArgumentNullException(argument);
        if (values.Count == 0) throw new ArgumentException($"{argument} is empty: it needs at least one number.", argument);
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{argument}[{i}] is {Format(values[i])}: every value must be finite.", argument);
    }

    /// <summary>
    /// Non-negative finite weights scaled to shares that sum to 1. Each weight is first divided by the largest,
    /// so the sum is at most the number of weights and never overflows: [1e308, 1e308] gives [0.5, 0.5], where
    /// summing first would give +∞ and turn every share into 0. Refuses all-zero weights with <paramref name="allZero"/>.
    /// </summary>
    public static double[] Shares(IReadOnlyList<double> weights, string argument, string allZero)
    {
        double largest = weights.Max();
        if (largest <= 0) throw new ArgumentException(allZero, argument);
        var scaled = weights.Select(w => w / largest).ToArray();
        double total = scaled.Sum();
        return scaled.Select(w => w / total).ToArray();
    }

    public static void Finite(double x, string argument)
    {
        if (!double.IsFinite(x))
            throw new ArgumentException($"{argument} must be a finite number, but it is {Format(x)}.", argument);
    }

    /// <summary>An index into <paramref name="count"/> items, with a message that handles "there are none".</summary>
    public static void Index(int index, int count, string argument, string what)
    {
        if (count == 0)
            throw new ArgumentException($"There are no {what}s, so {argument} = {index} points at nothing.", argument);
        if (index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(argument, index,
                $"{argument} must be a {what} index from 0 to {count - 1} (there are {count} {what}s), not {index}.");
    }

    public static void SameLength<TA, TB>(IReadOnlyCollection<TA> a, string nameA, IReadOnlyCollection<TB> b, string nameB)
    {
        if (a is null) throw new ArgumentNullException(nameA);
        if (b is null) throw new ArgumentNullException(nameB);
        if (a.Count != b.Count)
            throw new ArgumentException(
                $"{nameA} has {a.Count} entries but {nameB} has {b.Count}: they must describe the same outcomes.", nameB);
    }

    /// <summary>A whole number that must be at least <paramref name="minimum"/> (a count, a size, a dimension).</summary>
    public static void AtLeast(int value, int minimum, string argument)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(argument, value, $"{argument} must be at least {minimum}, not {value}.");
    }

    public static void Positive(double x, string argument)
    {
        if (!(x > 0) || double.IsInfinity(x))
            throw new ArgumentException($"{argument} must be a positive finite number, but it is {Format(x)}.", argument);
    }

    /// <summary>
    /// The names given for <paramref name="count"/> outcomes (rows, columns, symbols), checked: one per outcome,
    /// all distinct. With no names, the outcomes are called "0", "1", ….
    /// </summary>
    public static string[] Names(IReadOnlyList<string>? names, int count, string argument)
    {
        if (names is null) return Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < names.Count; i++)
            if (names[i] is null)
                throw new ArgumentException($"{argument}[{i}] is null: give every outcome a name (\"\" is allowed).", argument);
        if (names.Count != count)
            throw new ArgumentException($"There are {names.Count} names for {count} outcomes: give exactly one name per outcome.", argument);
        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"The name '{repeated.Key}' appears twice: names must be distinct.", argument);
        return names.ToArray();
    }
}
