using System.Text;

namespace InfoTheory.Rendering;

/// <summary>
/// How the library shows characters that would otherwise be invisible (a space, a line break, a tab) in
/// tables, hover text, chart labels and messages. One table, so every output agrees: ␣ for a space,
/// ↵ for a line break, ␍ for a carriage return, ⇥ for a tab and · for any other control character.
/// </summary>
public static class VisibleText
{
    /// <summary>The glyph that stands for an invisible character, or null when the character shows itself.</summary>
    public static string? GlyphFor(char c) => c switch
    {
        ' ' => "␣",
        '\n' => "↵",
        '\r' => "␍",
        '\t' => "⇥",
        < ' ' or '\u007f' => "·",
        _ => null,
    };

    /// <summary>
    /// A label: every invisible character replaced by its glyph, so "a b\n" shows as "a␣b↵".
    /// Use it where the text stands alone (a table cell, an outcome's name, a token in a list).
    /// </summary>
    public static string Label(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var shown = new StringBuilder(text.Length);
        foreach (char c in text) shown.Append(GlyphFor(c) ?? c.ToString());
        return shown.ToString();
    }

    /// <summary>
    /// Running text: spaces stay spaces (they read as spaces between words), the other invisible characters
    /// get their glyph, and a line break is shown as ↵ and still breaks the line.
    /// </summary>
    public static string Flowing(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var shown = new StringBuilder(text.Length);
        foreach (char c in text)
            shown.Append(c switch { ' ' => " ", '\n' => "↵\n", _ => GlyphFor(c) ?? c.ToString() });
        return shown.ToString();
    }
}
