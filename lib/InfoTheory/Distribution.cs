using System.Globalization;
using InfoTheory.Rendering;

namespace InfoTheory;

/// <summary>
/// A discrete probability distribution over named outcomes, such as {heads: 0.5, tails: 0.5} or the
/// letters of a book with their frequencies. Immutable: every operation returns a new distribution.
/// Every measure in <see cref="Info"/> is a function of one or two of these.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed class Distribution : IHtmlRenderable
{
    private readonly string[] _outcomes;
    private readonly double[] _probabilities;
    private readonly Dictionary<string, int> _indexOf;

    private Distribution(string[] outcomes, double[] probabilities)
    {
        _outcomes = outcomes;
        _probabilities = probabilities;
        _indexOf = new Dictionary<string, int>(outcomes.Length, StringComparer.Ordinal);
        for (int i = 0; i < outcomes.Length; i++)
        {
            if (!_indexOf.TryAdd(outcomes[i], i))
                throw new ArgumentException($"The outcome '{outcomes[i]}' appears twice: outcome names must be distinct.", "outcomes");
        }
    }

    /// <summary>The outcome names, in order.</summary>
    public IReadOnlyList<string> Outcomes => _outcomes;

    /// <summary>The probabilities, in the order of <see cref="Outcomes"/>.</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary>How many outcomes there are (including any with probability 0).</summary>
    public int Count => _outcomes.Length;

    /// <summary>The probability of a named outcome.</summary>
    public double this[string outcome] => _probabilities[IndexOf(outcome)];

    /// <summary>The position of a named outcome in <see cref="Outcomes"/>.</summary>
    public int IndexOf(string outcome) =>
        outcome is null
            ? throw new ArgumentNullException(nameof(outcome), "The outcome name is null: pass one of the outcome names, e.g. \"heads\".")
            : _indexOf.TryGetValue(outcome, out int i)
            ? i
            : throw new ArgumentException(
                $"'{outcome}' is not an outcome of this distribution (outcomes: {Preview(_outcomes)}).", nameof(outcome));

    /// <summary>True when the outcome is named in this distribution.</summary>
    public bool Contains(string outcome) => outcome is not null && _indexOf.ContainsKey(outcome);

    // ---------------------------------------------------------------- building

    /// <summary>
    /// A distribution from probabilities that already sum to 1 (within 1e-6). Outcomes are named
    /// "0", "1", … unless you give names.
    /// </summary>
    public static Distribution FromProbabilities(IReadOnlyList<double> probabilities, IReadOnlyList<string>? outcomes = null) =>
        FromProbabilities(probabilities, outcomes, nameof(probabilities));

    /// <summary>As above, naming the caller's argument in error messages.</summary>
    internal static Distribution FromProbabilities(IReadOnlyList<double> probabilities, IReadOnlyList<string>? outcomes, string argument)
    {
        Guard.ProbabilityVector(probabilities, argument);
        return new Distribution(Guard.Names(outcomes, probabilities.Count, nameof(outcomes)), probabilities.ToArray());
    }

    /// <summary>A distribution from (outcome, probability) pairs that sum to 1.</summary>
    public static Distribution FromProbabilities(params (string Outcome, double Probability)[] pairs) =>
        pairs is null ? throw new ArgumentNullException(nameof(pairs)) : FromProbabilities(pairs.Select(p => p.Probability).ToArray(), pairs.Select(p => p.Outcome).ToArray());

    /// <summary>A distribution proportional to non-negative weights (counts, scores): each is divided by the total.</summary>
    public static Distribution FromWeights(IReadOnlyList<double> weights, IReadOnlyList<string>? outcomes = null)
    {
        Guard.NonNegativeFiniteVector(weights, nameof(weights), "weight");
        var shares = Guard.Shares(weights, nameof(weights), "All weights are 0: at least one outcome needs a positive weight.");
        return new Distribution(Guard.Names(outcomes, weights.Count, nameof(outcomes)), shares);
    }

    /// <summary>A distribution proportional to (outcome, weight) pairs.</summary>
    public static Distribution FromWeights(params (string Outcome, double Weight)[] pairs) =>
        pairs is null ? throw new ArgumentNullException(nameof(pairs)) : FromWeights(pairs.Select(p => p.Weight).ToArray(), pairs.Select(p => p.Outcome).ToArray());

    /// <summary>The empirical distribution of items: each distinct item's share. Outcomes are sorted (ordinal).</summary>
    public static Distribution FromCounts<T>(IEnumerable<T> items) where T : notnull
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            string key = Convert.ToString(item, CultureInfo.InvariantCulture) ?? "";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        if (counts.Count == 0)
            throw new ArgumentException("There is nothing to count: the sequence is empty.", nameof(items));
        return FromWeights(counts.Values.Select(c => (double)c).ToArray(), counts.Keys.ToArray());
    }

    /// <summary>The frequency of each character of a text (each UTF-16 character is an outcome).</summary>
    public static Distribution OfCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw new ArgumentException("The text is empty: there are no characters to count.", nameof(text));
        return FromCounts(text);
    }

    /// <summary>The frequency of each byte value that occurs in the data; outcomes are named like "0x41".</summary>
    public static Distribution OfBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) throw new ArgumentException("There are no bytes to count.", nameof(bytes));
        var counts = new long[256];
        foreach (byte b in bytes) counts[b]++;
        var present = Enumerable.Range(0, 256).Where(b => counts[b] > 0).ToArray();
        return FromWeights(present.Select(b => (double)counts[b]).ToArray(), present.Select(b => $"0x{b:X2}").ToArray());
    }

    /// <summary>Every one of <paramref name="count"/> outcomes equally likely.</summary>
    public static Distribution Uniform(int count)
    {
        if (count < 1) throw new ArgumentException($"A uniform distribution needs at least 1 outcome, not {count}.", nameof(count));
        return new Distribution(Guard.Names(null, count, "outcomes"), Enumerable.Repeat(1.0 / count, count).ToArray());
    }

    /// <summary>Every named outcome equally likely.</summary>
    public static Distribution Uniform(IReadOnlyList<string> outcomes)
    {
        if (outcomes is null || outcomes.Count == 0)
            throw new ArgumentException("A uniform distribution needs at least 1 outcome.", nameof(outcomes));
        return new Distribution(Guard.Names(outcomes, outcomes.Count, nameof(outcomes)), Enumerable.Repeat(1.0 / outcomes.Count, outcomes.Count).ToArray());
    }

    /// <summary>A coin that lands "1" with probability p and "0" with probability 1 − p.</summary>
    public static Distribution Bernoulli(double p)
    {
        Guard.Probability(p, nameof(p));
        return new Distribution(["1", "0"], [p, 1 - p]);
    }

    // ---------------------------------------------------------------- operations

    /// <summary>
    /// The same distribution over a larger list of outcomes: outcomes not in this one get probability 0.
    /// Use it to compare two distributions with different supports (e.g. letters of two texts).
    /// </summary>
    public Distribution OverOutcomes(IReadOnlyList<string> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var missing = _outcomes.Where((o, i) => _probabilities[i] > 0 && !outcomes.Contains(o)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException(
                $"The new outcome list leaves out {Preview(missing)}, which have positive probability.", nameof(outcomes));
        return new Distribution(outcomes.ToArray(), outcomes.Select(o => _indexOf.TryGetValue(o, out int i) ? _probabilities[i] : 0).ToArray());
    }

    /// <summary>The mixture λ·this + (1 − λ)·other, over the same outcomes.</summary>
    public Distribution Mix(Distribution other, double lambda)
    {
        Guard.Probability(lambda, nameof(lambda));
        var aligned = other.AlignedTo(this, nameof(other));
        return new Distribution(_outcomes, _probabilities.Select((p, i) => lambda * p + (1 - lambda) * aligned[i]).ToArray());
    }

    /// <summary>Draws one outcome at random.</summary>
    public string Sample(Random random)
    {
        double u = random.NextDouble(), cumulative = 0;
        for (int i = 0; i < _probabilities.Length; i++)
        {
            cumulative += _probabilities[i];
            if (u < cumulative) return _outcomes[i];
        }
        return _outcomes[Array.FindLastIndex(_probabilities, p => p > 0)];   // u fell in the rounding gap at the top
    }

    /// <summary>
    /// This distribution's probabilities in the order of <paramref name="reference"/>'s outcomes.
    /// Throws when the two do not have the same outcomes.
    /// </summary>
    internal double[] AlignedTo(Distribution reference, string argument)
    {
        if (ReferenceEquals(this, reference) || _outcomes.SequenceEqual(reference._outcomes)) return _probabilities;
        if (Count != reference.Count || reference._outcomes.Any(o => !_indexOf.ContainsKey(o)))
        {
            var onlyHere = _outcomes.Where(o => !reference._indexOf.ContainsKey(o)).ToArray();
            var onlyThere = reference._outcomes.Where(o => !_indexOf.ContainsKey(o)).ToArray();
            throw new ArgumentException(
                $"The two distributions have different outcomes (only in {argument}: {Preview(onlyHere)}; missing from {argument}: {Preview(onlyThere)}). " +
                "Put both over the same list with .OverOutcomes(...).", argument);
        }
        return reference._outcomes.Select(o => _probabilities[_indexOf[o]]).ToArray();
    }

    // ---------------------------------------------------------------- display

    /// <summary>A short text form such as {heads: 0.5, tails: 0.5}.</summary>
    public override string ToString()
    {
        const int shown = 12;
        var parts = _outcomes.Take(shown).Select((o, i) => $"{VisibleText.Label(o)}: {_probabilities[i].ToString("0.####", CultureInfo.InvariantCulture)}");
        string more = Count > shown ? $", … ({Count} outcomes)" : "";
        return "{" + string.Join(", ", parts) + more + "}";
    }

    /// <summary>A table of outcomes with their probabilities drawn as bars.</summary>
    public string ToHtml() => HtmlTables.Distribution(_outcomes, _probabilities);

    private static string Preview(IEnumerable<string> names)
    {
        var list = names.Take(8).Select(n => $"'{VisibleText.Label(n)}'").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list) + (names.Skip(8).Any() ? ", …" : "");
    }
}
