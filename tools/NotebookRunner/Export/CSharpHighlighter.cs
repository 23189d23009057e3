using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookRunner.Export;

/// <summary>
/// A light C# syntax highlighter for code cells: comments, strings, numbers, keywords and directives get a
/// span with a class (c-comment, c-string, c-number, c-keyword, c-directive); everything is HTML-escaped.
/// It reads tokens with one regular expression and does not parse C#, which is plenty for display.
/// </summary>
public static partial class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "get", "goto", "if", "implicit", "in", "init",
        "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "not", "null", "object", "operator",
        "out", "override", "params", "private", "protected", "public", "readonly", "record", "ref", "return", "sbyte",
        "sealed", "set", "short", "sizeof", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "var", "virtual", "void", "volatile",
        "when", "where", "while", "with", "yield", "and", "or", "nameof",
    ];

    /// <summary>The code as HTML with highlighting spans.</summary>
    public static string ToHtml(string code)
    {
        var html = new StringBuilder();
        var position = 0;
        foreach (Match token in Token().Matches(code))
        {
            html.Append(Escape(code[position..token.Index]));
            var kind = token.Groups["comment"].Success ? "comment"
                : token.Groups["string"].Success ? "string"
                : token.Groups["directive"].Success ? "directive"
                : token.Groups["number"].Success ? "number"
                : Keywords.Contains(token.Value) ? "keyword"
                : null;
            html.Append(kind is null ? Escape(token.Value) : $"<span class=\"c-{kind}\">{Escape(token.Value)}</span>");
            position = token.Index + token.Length;
        }
        return html.Append(Escape(code[position..])).ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    // Order matters: comments and strings first, so keywords inside them are not highlighted.
    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<string>\$*"{3,}[\s\S]*?"{3,}|@\$?"(?:""|[^"])*"|\$?@?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])+')
        |(?<directive>^[ \t]*\#[a-z]+[^\n]*)
        |(?<number>\b\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?[fFdDmMlLuU]*\b)
        |(?<word>\b[A-Za-z_]\w*\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline)]
    private static partial Regex Token();
}
