namespace InfoTheory.Exercises;

/// <summary>
/// A wrong answer a student is likely to give, and what to tell them when they give it. The value is worked
/// out from the right answer (for a number exercise, a one-element array) or computed independently, like
/// the expected values; it is computed only when an answer is judged.
/// </summary>
public sealed record Mistake(string Message, Func<double[], double[]> FromExpected)
{
    /// <summary>A mistake that gives this one number.</summary>
    public static Mistake Gives(double value, string message) => new(message, _ => [value]);

    /// <summary>A mistake that gives these numbers.</summary>
    public static Mistake Gives(Func<double[]> values, string message) => new(message, _ => values());

    /// <summary>
    /// Mistakes any numeric answer can have, tried entry by entry: the usual slips with logarithms and signs.
    /// The factors are computed here with Math, not taken from <see cref="Unit"/>.
    /// </summary>
    internal static readonly (string Message, Func<double, double?> From)[] Usual =
    [
        ("this is the right value × ln 2: nats where bits are asked? (log₂ x = ln x / ln 2)", e => e * Math.Log(2)),
        ("this is the right value ÷ ln 2: bits where nats are asked? (ln x = log₂ x × ln 2)", e => e / Math.Log(2)),
        ("this is the right value × log₁₀ 2: a base-10 logarithm where log₂ is asked?", e => e * Math.Log10(2)),
        ("this is the right value × log₁₀ e: a base-10 logarithm where ln is asked?", e => e * Math.Log10(Math.E)),
        ("the sign is flipped: surprisals, entropies and divergences are ≥ 0, a log-likelihood ≤ 0; check the minus sign.", e => -e),
        ("this is 1 minus the right value: the probability of the other outcome (1 − p where p is asked)?", e => e > 0 && e < 1 ? 1 - e : null),
    ];
}
