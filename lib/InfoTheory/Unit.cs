namespace InfoTheory;

/// <summary>
/// The unit of an amount of information. Coding counts in bits (log base 2); machine learning works in
/// nats (natural log), because that is what <c>Math.Log</c> and every ML framework's loss return.
/// One nat is 1/ln 2 ≈ 1.4427 bits.
/// </summary>
public enum Unit
{
    /// <summary>Logarithm base 2: the length of a yes/no answer.</summary>
    Bits,

    /// <summary>Natural logarithm: the unit of ML losses.</summary>
    Nats,
}

/// <summary>Logarithms and conversions for <see cref="Unit"/>.</summary>
public static class Units
{
    /// <summary>The logarithm of <paramref name="x"/> in the base that <paramref name="unit"/> stands for.</summary>
    public static double Log(double x, Unit unit) => unit switch
    {
        Unit.Bits => Math.Log2(x),
        Unit.Nats => Math.Log(x),
        _ => throw UnknownUnit(unit),
    };

    /// <summary>Converts an amount of information: bits = nats / ln 2.</summary>
    public static double Convert(double amount, Unit from, Unit to)
    {
        if (double.IsNaN(amount))
            throw new ArgumentException("amount is NaN: an amount of information must be a number (it may be +∞).", nameof(amount));
        if (from == to) return amount;
        return from switch
        {
            Unit.Nats => amount / Math.Log(2),   // nats to bits
            Unit.Bits => amount * Math.Log(2),   // bits to nats
            _ => throw UnknownUnit(from),
        };
    }

    private static ArgumentException UnknownUnit(Unit unit) =>
        new($"Unknown unit {(int)unit}: use Unit.Bits or Unit.Nats.", nameof(unit));
}
