namespace InfoTheory.Charts;

/// <summary>
/// Helpers for math in chart labels. Charts do not typeset LaTeX (that needs MathJax, which is not
/// shipped), but Unicode covers what lessons need: "−log₂ p", "2⁻ᴴ", "H(X|Y)", "KL(p‖q)", "μ", "σ²".
/// Write such characters directly, or build them with <see cref="Subscript"/> and <see cref="Superscript"/>.
/// </summary>
public static class Label
{
    /// <summary>The minus sign (U+2212), which lines up with digits better than a hyphen.</summary>
    public const string Minus = "−";

    private const string Plain = "0123456789+-=()aehijklmnoprstuvx";
    private const string Lowered = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ";
    private const string PlainUp = "0123456789+-=()inHT";
    private const string Raised = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᴴᵀ";

    /// <summary>"log" + Subscript("2") is "log₂". Digits, + − = ( ) and most lowercase letters have subscript forms.</summary>
    public static string Subscript(string text) => Map(text, Plain, Lowered, nameof(text));

    /// <summary>"2" + Superscript("-H") is "2⁻ᴴ". Digits, + − = ( ), i, n, H and T have superscript forms.</summary>
    public static string Superscript(string text) => Map(text, PlainUp, Raised, nameof(text));

    private static string Map(string text, string from, string to, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        var result = new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i] == '−' ? '-' : text[i];
            int at = from.IndexOf(c);
            if (at < 0)
                throw new ArgumentException($"\"{text[i]}\" in \"{text}\" has no Unicode form here; these do: {from}.", paramName);
            result[i] = to[at];
        }
        return new string(result);
    }
}
