using System.Globalization;
using System.Text;

namespace InfoTheory.Charts;

/// <summary>
/// Turns a figure into the HTML a notebook shows: a sized div, plotly.js if this is the document's
/// first figure, and a small script that draws the figure as soon as plotly.js is there.
/// </summary>
internal static class FigureHtml
{
    private static int counter;

    /// <summary>Said in the chart's place if plotly.js never arrives.</summary>
    internal const string MissingPlotlyMessage =
        "This chart cannot draw because plotly.js has not loaded. It comes with the first chart of the notebook; " +
        "if that output was cleared, run Chart.AlwaysInlinePlotly = true; in a cell and run this cell again.";

    public static string Render(Figure figure, DocumentSettings document)
    {
        var theme = figure.Theme ?? document.Theme;
        var plotly = PlotlyJson.Build(figure, theme);
        // The default JSON encoder writes <, > and & as \u003C…, so no text can close the script element.
        string json = plotly.ToJsonString();
        string id = NewId(json);
        int height = (int)plotly["layout"]!["height"]!;

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"{SharedNames.FigureClass}\" id=\"{id}\" role=\"figure\" aria-label=\"{Rendering.Html.Escape(figure.ToString())}\" style=\"width:100%;height:{height}px\"></div>\n");
        if (document.TakePlotlyTurn()) html.Append(PlotlyJs.InlineScript).Append('\n');
        html.Append(CultureInfo.InvariantCulture, $"<script data-itn-figure=\"{id}\">\n");
        html.Append(DrawScript.Replace("__ID__", id)
            .Replace("__MESSAGE__", System.Text.Json.JsonSerializer.Serialize(MissingPlotlyMessage))
            .Replace("__FIGURE__", json)); // last, so nothing inside the figure's text is replaced
        html.Append("</script>");
        return html.ToString();
    }

    /// <summary>
    /// "itn-fig-{n}-{hash}": n counts figures rendered by this process (unique), the hash is of the
    /// figure's JSON (so the same run gives the same ids).
    /// </summary>
    internal static string NewId(string json)
    {
        int n = Interlocked.Increment(ref counter);
        return $"itn-fig-{n.ToString(CultureInfo.InvariantCulture)}-{Fnv1a(json):x8}";
    }

    /// <summary>The 32-bit FNV-1a hash of the UTF-16 code units: multiply-and-xor, short and deterministic.</summary>
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }

    // Works whether plotly.js came before this script (inline or in the page head) or comes after it.
    private const string DrawScript = """
        (function () {
          var id = "__ID__";
          var figure = __FIGURE__;
          var start = Date.now(), warned = false;
          function draw() {
            var el = document.getElementById(id);
            if (!el) return;
            // Text takes the colour of the page around the chart, so it reads on light and dark themes.
            var color = window.getComputedStyle(el).color;
            if (color) figure.layout.font.color = color;
            el.textContent = "";
            window.Plotly.newPlot(el, figure).catch(function (e) {
              el.textContent = "This chart could not be drawn: " + e;
            });
          }
          (function wait() {
            if (window.Plotly) { draw(); return; }
            var waited = Date.now() - start;
            if (!warned && waited > 10000) {
              warned = true;
              var el = document.getElementById(id);
              if (el) {
                el.style.height = "auto";
                el.innerHTML = '<div class="itn-figure-missing" style="padding:1em;border:1px dashed gray"></div>';
                el.firstChild.textContent = __MESSAGE__;
              }
            }
            if (waited < 600000) setTimeout(wait, warned ? 1000 : 50);
          })();
        })();

        """;
}
