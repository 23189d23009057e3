using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfoTheory.Charts;
using Xunit;

namespace InfoTheory.Tests.Charts;

/// <summary>The HTML a notebook shows for a figure: ids, plotly.js once per document, a safe script, short text.</summary>
public class FigureHtmlTests
{
    private static readonly Figure Sample = Chart.Line([0, 1], [1, 0], name: "line").WithTitle("Sample");

    private static DocumentSettings NewDocument() => ChartSettings.For("test-" + Guid.NewGuid().ToString("N"));

    private static string IdOf(string html) => Regex.Match(html, "<div class=\"itn-figure\" id=\"([^\"]+)\"").Groups[1].Value;

    private static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [Fact]
    public void Ids_are_unique_per_render_and_their_hash_part_depends_only_on_the_figure()
    {
        var document = NewDocument();
        string first = IdOf(FigureHtml.Render(Sample, document));
        string second = IdOf(FigureHtml.Render(Sample, document));
        string other = IdOf(FigureHtml.Render(Sample.WithTitle("Other"), document));
        Assert.Matches("^itn-fig-[0-9]+-[0-9a-f]{8}$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(first.Split('-')[^1], second.Split('-')[^1]);
        Assert.NotEqual(first.Split('-')[^1], other.Split('-')[^1]);
    }

    [Fact]
    public void The_chart_element_is_named_by_the_figures_text_summary_for_screen_readers()
    {
        var figure = Chart.Line([0, 1], [1, 0], name: "a < b").WithTitle("Sample");

        string html = FigureHtml.Render(figure, NewDocument());

        var label = Regex.Match(html, "<div class=\"itn-figure\" id=\"[^\"]+\" role=\"figure\" aria-label=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(System.Net.WebUtility.HtmlEncode(figure.ToString()), label);
        Assert.Contains("a &lt; b", label);
    }

    [Fact]
    public void Plotly_is_inlined_with_the_first_figure_of_each_document_only()
    {
        var a = NewDocument();
        var b = NewDocument();
        Assert.Equal(1, Count(FigureHtml.Render(Sample, a), PlotlyJs.InlineAttribute));
        Assert.Equal(0, Count(FigureHtml.Render(Sample, a), PlotlyJs.InlineAttribute));
        Assert.Equal(0, Count(FigureHtml.Render(Sample, a), PlotlyJs.InlineAttribute));
        Assert.Equal(1, Count(FigureHtml.Render(Sample, b), PlotlyJs.InlineAttribute));
    }

    [Fact]
    public void AlwaysInlinePlotly_puts_plotly_in_every_figure()
    {
        var document = NewDocument();
        document.AlwaysInlinePlotly = true;
        for (int i = 0; i < 3; i++)
            Assert.Equal(1, Count(FigureHtml.Render(Sample, document), PlotlyJs.InlineAttribute));
    }

    [Fact]
    public void The_inline_script_holds_the_whole_plotly_source_before_the_figure_script()
    {
        string html = FigureHtml.Render(Sample, NewDocument());
        int plotlyAt = html.IndexOf("<script " + PlotlyJs.InlineAttribute + ">", StringComparison.Ordinal);
        int figureAt = html.IndexOf("<script data-itn-figure=", StringComparison.Ordinal);
        Assert.True(plotlyAt > 0 && plotlyAt < figureAt, "plotly.js must come before the figure's script");
        Assert.Contains(PlotlyJs.Source, html);
    }

    [Fact]
    public void The_figure_script_carries_the_same_json_and_the_div_its_height()
    {
        var document = NewDocument();
        document.Theme = ChartTheme.Presentation;
        string html = FigureHtml.Render(Sample, document);
        string json = Regex.Match(html, @"var figure = (\{.*\});\n").Groups[1].Value;
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("Sample", parsed.RootElement.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(ChartTheme.Presentation.FontSize, parsed.RootElement.GetProperty("layout").GetProperty("font").GetProperty("size").GetDouble());
        Assert.Contains($"height:{ChartTheme.Presentation.Height}px", html);
    }

    [Fact]
    public void Text_in_a_figure_cannot_break_out_of_its_script()
    {
        var document = NewDocument();
        FigureHtml.Render(Sample, document); // the first figure carries plotly.js; look at the second
        string html = FigureHtml.Render(Chart.Line([0, 1], [0, 1], name: "</script><b>x</b>").WithTitle("a & b"), document);
        Assert.DoesNotContain("</script><b>", html);
        Assert.Equal(1, Count(html, "</script>")); // only the figure script's own end tag
    }

    [Fact]
    public void The_script_waits_for_plotly_and_explains_when_it_never_comes()
    {
        string html = FigureHtml.Render(Sample, NewDocument());
        Assert.Contains("window.Plotly", html);
        Assert.Contains("Chart.AlwaysInlinePlotly = true;", html);
    }

    [Fact]
    public void Plain_text_is_one_short_line_with_title_traces_and_no_json()
    {
        var figure = Chart.Line([0, 1], [0, 1], name: "H(p)").Add(Chart.Scatter([0.5], [1], name: "max")).WithTitle("Binary entropy");
        string text = figure.ToString();
        Assert.Equal("Figure \"Binary entropy\": 2 traces (line \"H(p)\", scatter \"max\")", text);

        var big = Chart.Grid(3, Enumerable.Range(0, 6).Select(i => Chart.Line(Chart.Linspace(0, 1, 500), Chart.Linspace(0, 1, 500))).ToArray());
        string bigText = big.ToString();
        Assert.True(bigText.Length < 160, bigText);
        Assert.DoesNotContain("{", bigText);
        Assert.Contains("6 panels in 3 columns", bigText);
        Assert.Contains("…", bigText);
    }

    [Theory]
    [InlineData(typeof(Figure))]
    [InlineData(typeof(SurprisalStrip))]
    public void Figures_and_strips_render_as_html_and_plain_text_through_the_kernel_convention(Type type)
    {
        var attribute = type.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var formatters = ((IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(Activator.CreateInstance(sourceType), null)!)
            .Cast<object>().ToDictionary(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!);
        object value = type == typeof(Figure) ? Sample : Chart.SurprisalStrip(["a", "b"], [1, 2]);

        string Format(string mime)
        {
            var writer = new StringWriter();
            var formatter = formatters[mime];
            Assert.True((bool)formatter.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!.Invoke(formatter, [value, writer])!);
            return writer.ToString();
        }

        Assert.StartsWith("<div class=\"itn-", Format("text/html"));
        Assert.Equal(value.ToString(), Format("text/plain"));
    }

    [Fact]
    public void The_embedded_plotly_is_the_pinned_version_and_safe_to_inline()
    {
        Assert.Contains("plotly.js v" + PlotlyJs.Version, PlotlyJs.Source[..200]);
        Assert.True(PlotlyJs.Source.Length > 1_000_000, "the whole minified bundle, not a stub");
        Assert.DoesNotContain("</script", PlotlyJs.Source, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<script data-itn-plotly=\"inline\">", PlotlyJs.InlineScript);
        Assert.EndsWith("</script>", PlotlyJs.InlineScript);
    }
}

/// <summary>Tests that change the process-wide document id run alone, so they cannot disturb others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChartDocumentState
{
    public const string Name = "Chart document state";
}

[Collection(ChartDocumentState.Name)]
public class ChartDocumentTests
{
    private static T InDocument<T>(string id, Func<T> action)
    {
        var saved = AppContext.GetData(ChartSettings.DocumentIdKey);
        AppContext.SetData(ChartSettings.DocumentIdKey, id);
        try { return action(); }
        finally { AppContext.SetData(ChartSettings.DocumentIdKey, saved); }
    }

    [Fact]
    public void The_runner_document_id_decides_where_plotly_goes()
    {
        string a = "runner-a-" + Guid.NewGuid().ToString("N"), b = "runner-b-" + Guid.NewGuid().ToString("N");
        var figure = Chart.Bar(["x"], [1]);
        Assert.Contains(PlotlyJs.InlineAttribute, InDocument(a, figure.ToHtml));
        Assert.DoesNotContain(PlotlyJs.InlineAttribute, InDocument(a, figure.ToHtml));
        Assert.Contains(PlotlyJs.InlineAttribute, InDocument(b, figure.ToHtml));
    }

    [Fact]
    public void A_theme_chosen_in_one_notebook_does_not_leak_into_the_next()
    {
        string a = "theme-a-" + Guid.NewGuid().ToString("N"), b = "theme-b-" + Guid.NewGuid().ToString("N");
        InDocument(a, () => { Chart.UsePresentationTheme(); return 0; });
        Assert.Equal("presentation", InDocument(a, () => Chart.Theme.Name));
        Assert.Equal("default", InDocument(b, () => Chart.Theme.Name));

        double FontSize(string document) => InDocument(document, () =>
            JsonDocument.Parse(Chart.Line([0, 1], [0, 1]).ToJson()).RootElement.GetProperty("layout").GetProperty("font").GetProperty("size").GetDouble());
        Assert.Equal(ChartTheme.Presentation.FontSize, FontSize(a));
        Assert.Equal(ChartTheme.Default.FontSize, FontSize(b));

        InDocument(a, () => { Chart.UseDefaultTheme(); return 0; });
        Assert.Equal(ChartTheme.Default.FontSize, FontSize(a));
    }

    [Fact]
    public void AlwaysInlinePlotly_is_set_per_document()
    {
        string a = "inline-a-" + Guid.NewGuid().ToString("N"), b = "inline-b-" + Guid.NewGuid().ToString("N");
        InDocument(a, () => Chart.AlwaysInlinePlotly = true);
        Assert.True(InDocument(a, () => Chart.AlwaysInlinePlotly));
        Assert.False(InDocument(b, () => Chart.AlwaysInlinePlotly));
    }
}
