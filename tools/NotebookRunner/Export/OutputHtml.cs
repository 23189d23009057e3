using System.Net;
using NotebookRunner.Engine;

namespace NotebookRunner.Export;

/// <summary>
/// A cell output as HTML for the static site. Text is escaped; text/html is inserted as it is, except that
/// the copy of plotly.js the library puts in a document's first figure
/// (<c>&lt;script data-itn-plotly="inline"&gt;…&lt;/script&gt;</c>) is taken out: the page loads plotly.js once in its head.
/// </summary>
public static class OutputHtml
{
    /// <summary>
    /// The opening tag of the element carrying plotly.js inline, from lib/InfoTheory/SharedNames.cs (linked into
    /// this tool as a source file), so the library that writes it and the export that strips it agree.
    /// </summary>
    public const string InlinePlotlyTag = InfoTheory.SharedNames.PlotlyInlineScriptTag;

    /// <summary>The HTML for one output.</summary>
    public static string Render(CellOutput output) => output switch
    {
        StreamOutput stream => $"<pre class=\"output stream {stream.StreamName}\">{Escape(stream.Text)}</pre>",
        DisplayOutput display => Display(display),
        ErrorOutput error => $"<pre class=\"output error\">{Escape($"{error.Name}: {error.Message}")}</pre>",
        _ => throw new ArgumentException($"Unknown output type {output.GetType().Name}.", nameof(output)),
    };

    private static string Display(DisplayOutput display)
    {
        if (display["text/html"] is { } html)
        {
            // (A chart names itself: the library gives its element the figure's text summary as aria-label.)
            return $"<div class=\"output html\">{StripInlinePlotly(html)}</div>";
        }
        if (display["image/svg+xml"] is { } svg) return $"<div class=\"output image\">{svg}</div>";
        if (display["image/png"] is { } png) return $"<div class=\"output image\"><img alt=\"output\" src=\"data:image/png;base64,{png.Trim()}\"></div>";
        var text = display["text/plain"] ?? display.Data.FirstOrDefault().Value ?? "";
        return $"<pre class=\"output text\">{Escape(text)}</pre>";
    }

    /// <summary>True when the HTML draws plotly charts (so the page needs plotly.js).</summary>
    public static bool UsesPlotly(string html) => html.Contains("Plotly", StringComparison.Ordinal);

    /// <summary><paramref name="html"/> without its inline plotly.js elements (the page loads plotly.js once, in its head).</summary>
    public static string StripInlinePlotly(string html)
    {
        while (true)
        {
            var start = html.IndexOf(InlinePlotlyTag, StringComparison.Ordinal);
            if (start < 0) return html;
            var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
            if (end < 0) return html[..start];
            html = html[..start] + html[(end + "</script>".Length)..];
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
