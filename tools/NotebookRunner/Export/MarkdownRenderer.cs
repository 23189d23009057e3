using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers.Html;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NotebookRunner.Export;

/// <summary>
/// Markdown cells to HTML with Markdig. The math extension keeps <c>$…$</c> and <c>$$…$$</c> intact (backslashes
/// included) inside elements of class <c>math</c>, which the page typesets with KaTeX. Relative links to
/// <c>.dib</c> notebooks become links to their pages.
/// </summary>
public static partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .UseFootnotes()
        .UseAutoIdentifiers()
        .Build();

    /// <summary>The HTML of a markdown cell.</summary>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { } url) link.Url = PageLink(url);
        // $$…$$ written inside a line is display math too (as in VS Code); mark it so the page typesets it as display.
        foreach (var math in document.Descendants<MathInline>())
            if (math.DelimiterCount >= 2) math.GetAttributes().AddClass("display");

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>Markdown for one line (a title or a sentence) as HTML without the paragraph around it.</summary>
    public static string InlineHtml(string markdown)
    {
        var html = ToHtml(markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    /// <summary>Markdown for one line as plain text (for a page's &lt;title&gt;).</summary>
    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>
    /// The first heading of <paramref name="markdown"/> and the opening of the paragraph after it (its first
    /// sentence, and the second too when the first is short), both as markdown, or nulls when there is no heading
    /// or no paragraph.
    /// </summary>
    public static (string? Heading, string? Opening) Summary(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        if (heading is null) return (null, null);
        var headingText = HeadingMarker().Replace(Source(markdown, heading), "").Trim();
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault(p => p.Span.Start > heading.Span.End);
        return (headingText, paragraph is null ? null : Opening(Source(markdown, paragraph)));
    }

    /// <summary>
    /// The first sentence of <paramref name="text"/>; a short one ("Surprisal measures one outcome.") says little
    /// on its own in the index, so the next sentence is added to it.
    /// </summary>
    internal static string Opening(string text)
    {
        const int ShortSentence = 60;
        text = Whitespace().Replace(text, " ").Trim();
        var first = FirstSentence(text);
        var rest = text[first.Length..].Trim();
        return first.Length >= ShortSentence || rest.Length == 0 ? first : first + " " + FirstSentence(rest);
    }

    /// <summary>
    /// Text up to the first '.', '!' or '?' that is followed by a space or the end, not counting those inside
    /// $…$ math; line breaks become spaces.
    /// </summary>
    internal static string FirstSentence(string text)
    {
        text = Whitespace().Replace(text, " ").Trim();
        var inMath = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$') inMath = !inMath;
            else if (!inMath && text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '))
                return text[..(i + 1)];
        }
        return text;
    }

    /// <summary>A relative link to a notebook (x.dib, ../exercises/x.dib#part) points at its page (x.html).</summary>
    internal static string PageLink(string url)
    {
        if (url.Contains("://", StringComparison.Ordinal) || url.StartsWith('/') || url.StartsWith('#')) return url;
        var cut = url.IndexOfAny(['#', '?']);
        var path = cut < 0 ? url : url[..cut];
        return path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) ? path[..^4] + ".html" + (cut < 0 ? "" : url[cut..]) : url;
    }

    private static string Source(string markdown, Block block) => markdown.Substring(block.Span.Start, block.Span.Length);

    [GeneratedRegex(@"^\s*#+\s*")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
