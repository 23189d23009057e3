using System.Globalization;

namespace InfoTheory.Charts;

/// <summary>
/// Argument checks shared by every chart builder. Each failure is an <see cref="ArgumentException"/>
/// whose ParamName is the argument a student passed, with a sentence on how to fix it.
/// </summary>
internal static class ChartArgs
{
    /// <summary>Copies the values, insisting that there is at least one and that each is finite.</summary>
    public static double[] Finite(IEnumerable<double>? values, string paramName)
    {
        var array = NonEmpty(values, paramName);
        for (int i = 0; i < array.Length; i++) RequireFinite(array[i], $"{paramName}[{i}]", paramName);
        return array;
    }

    /// <summary>Copies a non-empty sequence.</summary>
    public static T[] NonEmpty<T>(IEnumerable<T>? values, string paramName)
    {
        if (values is null) throw new ArgumentNullException(paramName, $"{paramName} is null; pass the values to plot.");
        var array = values.ToArray();
        if (array.Length == 0) throw new ArgumentException($"{paramName} is empty; a chart needs at least one value.", paramName);
        return array;
    }

    /// <summary>Copies a non-empty list of names (bar categories, heatmap rows and columns), none of them null.</summary>
    public static string[] Names(IEnumerable<string>? names, string paramName)
    {
        var array = NonEmpty(names, paramName);
        int missing = Array.FindIndex(array, n => n is null);
        if (missing >= 0)
            throw new ArgumentException($"{paramName}[{missing}] is null; give every one a name (an empty string \"\" is allowed).", paramName);
        return array;
    }

    /// <summary>Copies optional per-point strings, which must match the number of points.</summary>
    public static string[]? Optional(IEnumerable<string>? values, int expectedLength, string paramName, string matchName)
    {
        if (values is null) return null;
        var array = values.Select(s => s ?? "").ToArray();
        SameLength(array.Length, expectedLength, paramName, matchName);
        return array;
    }

    public static void SameLength(int length, int expected, string paramName, string matchName)
    {
        if (length != expected)
            throw new ArgumentException(
                $"{paramName} has {length} values but {matchName} has {expected}; they must pair up one to one.", paramName);
    }

    public static void RequireFinite(double value, string what, string paramName)
    {
        if (double.IsNaN(value))
            throw new ArgumentException($"{what} is NaN; charts need finite numbers. Find where the NaN comes from (0/0? log of a negative?) or leave that point out.", paramName);
        if (double.IsInfinity(value))
            throw new ArgumentException($"{what} is {(value > 0 ? "+∞" : "−∞")}; a chart cannot place it. Leave that point out, e.g. plot −log₂ p from p = 0.001 instead of p = 0.", paramName);
    }

    public static void RequirePositive(double value, string paramName)
    {
        RequireFinite(value, paramName, paramName);
        if (value <= 0) throw new ArgumentException($"{paramName} must be greater than 0 (it is {Format(value)}).", paramName);
    }

    public static string RequireText(string? text, string paramName)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException($"{paramName} is empty; give it some text.", paramName);
        return text;
    }

    /// <summary>
    /// plotly.js draws $…$ LaTeX only with MathJax, which we do not ship, so such a label would show its
    /// dollar signs and backslashes. We stop it early and point at the Unicode way.
    /// </summary>
    public static string? Label(string? label, string paramName)
    {
        if (label is { Length: >= 2 } && label.TrimStart().StartsWith('$') && label.TrimEnd().EndsWith('$'))
            throw new ArgumentException(
                $"{paramName} \"{label}\" is LaTeX, which charts cannot typeset (MathJax is not shipped). " +
                "Write it in plain Unicode instead, e.g. \"H(p) [bits]\", \"−log₂ p\", \"KL(p‖q)\" (see Label.Subscript).",
                paramName);
        return label;
    }

    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+∞",
        double.NegativeInfinity => "−∞",
        _ => value.ToString("G6", CultureInfo.InvariantCulture),
    };
}
