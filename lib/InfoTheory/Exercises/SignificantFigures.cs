using System.Globalization;

namespace InfoTheory.Exercises;

/// <summary>
/// Reading a typed number the way a teacher does: how many significant figures the student gave, and on how
/// many leading figures it agrees with the right value.
/// </summary>
internal static class SignificantFigures
{
    /// <summary>
    /// How many significant figures x has, read from the shortest text that gives back the same double
    /// (<c>ToString("R")</c>): 2.585 has 4, 0.0012 has 2. A double does not remember trailing zeros, so 2.50
    /// typed is 2.5 (2 figures) and 8.00 is 8 (1 figure); the judge makes up for that by asking whether the
    /// answer is right to 3 figures before it asks for more digits. Trailing zeros of a whole number (1200)
    /// only place the decimal point, so they do not count.
    /// </summary>
    public static int Given(double x)
    {
        string text = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        int exponent = text.IndexOfAny(['E', 'e']);
        if (exponent >= 0) text = text[..exponent];
        string digits = text.Replace(".", "").TrimStart('0');
        if (!text.Contains('.')) digits = digits.TrimEnd('0');
        return Math.Max(1, digits.Length);
    }

    /// <summary>
    /// On how many leading significant figures x agrees with the right value: the largest n such that x is
    /// within half a unit of the n-th figure of <paramref name="expected"/>, i.e. rounding expected to n
    /// figures could give x. 0 when not even the first figure agrees; <see cref="All"/> when they are equal.
    /// </summary>
    public static int Agreement(double x, double expected)
    {
        if (x == expected) return All;
        if (expected == 0 || !double.IsFinite(x) || !double.IsFinite(expected)) return 0;
        int leading = (int)Math.Floor(Math.Log10(Math.Abs(expected)));
        double error = Math.Abs(x - expected);
        int n = 0;
        // The (1 + 1e-9) lets a value that sits exactly on a rounding boundary (0.125 → 0.13 or 0.12) agree either way.
        while (n < All && error <= 0.5 * Math.Pow(10, leading - n) * (1 + 1e-9)) n++;
        return n;
    }

    /// <summary>
    /// x is <paramref name="value"/> rounded at x's own last figure, with its first figure in the same place:
    /// 2.6 and 3 for 2.585, not 2.5, 0.8 or 10 (6.93 to the nearest ten is 10, but nobody means that).
    /// (0 typed rounds only 0.)
    /// </summary>
    public static bool RoundsTo(double x, double value)
    {
        if (x == 0 || value == 0 || !double.IsFinite(x)) return x == value;
        double leading = Math.Floor(Math.Log10(Math.Abs(x)));
        if (leading != Math.Floor(Math.Log10(Math.Abs(value))) || Math.Sign(x) != Math.Sign(value)) return false;
        double lastFigure = Math.Pow(10, leading - Given(x) + 1);
        return Math.Abs(x - value) <= 0.5 * lastFigure * (1 + 1e-9);
    }

    /// <summary>x stands for <paramref name="value"/>: right to at least 3 figures, or to all the figures x has.</summary>
    public static bool StandsFor(double x, double value) => Agreement(x, value) >= Needed || RoundsTo(x, value);

    /// <summary>More figures than a double holds: "equal".</summary>
    public const int All = 17;

    /// <summary>The fewest figures an answer needs to be right to pass.</summary>
    public const int Needed = 3;
}
