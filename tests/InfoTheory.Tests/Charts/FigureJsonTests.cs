using System.Globalization;
using System.Text.Json;
using InfoTheory.Charts;
using Xunit;

namespace InfoTheory.Tests.Charts;

/// <summary>
/// What each builder asks for must arrive in the plotly.js figure: parsed back from JSON and checked
/// by structure (trace types, data, layout, axes), never compared as strings.
/// </summary>
public class FigureJsonTests
{
    /// <summary>The figure as plotly.js will read it, with the default theme whatever the notebook uses.</summary>
    internal static JsonElement Plotly(Figure figure) =>
        JsonDocument.Parse(figure.WithTheme(ChartTheme.Default).ToJson()).RootElement;

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void A_line_becomes_one_scatter_trace_in_lines_mode_with_its_data_and_name()
    {
        var json = Plotly(Chart.Line([0.25, 0.5, 1], [2, 1, 0], name: "−log₂ p"));
        var trace = json.GetProperty("data").EnumerateArray().Single();
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines", trace.GetProperty("mode").GetString());
        Assert.Equal([0.25, 0.5, 1], Numbers(trace.GetProperty("x")));
        Assert.Equal([2.0, 1, 0], Numbers(trace.GetProperty("y")));
        Assert.Equal("−log₂ p", trace.GetProperty("name").GetString());
        Assert.True(trace.GetProperty("showlegend").GetBoolean());
        Assert.Equal(ChartTheme.Default.LineWidth, trace.GetProperty("line").GetProperty("width").GetDouble());
    }

    [Fact]
    public void Title_and_axes_land_in_the_layout_and_a_log_range_is_given_in_powers_of_ten()
    {
        var layout = Plotly(Chart.Line([0.001, 1], [10, 0])
                .WithTitle("Surprisal")
                .WithXAxis("p", log: true, min: 0.001, max: 1)
                .WithYAxis("bits [bits]"))
            .GetProperty("layout");
        Assert.Equal("Surprisal", layout.GetProperty("title").GetProperty("text").GetString());
        var x = layout.GetProperty("xaxis");
        Assert.Equal("p", x.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", x.GetProperty("type").GetString());
        var range = Numbers(x.GetProperty("range"));
        Assert.Equal(-3, range[0], 9); // log10(0.001)
        Assert.Equal(0, range[1], 9);  // log10(1)
        Assert.Equal("bits [bits]", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.False(layout.GetProperty("yaxis").TryGetProperty("type", out _));
    }

    [Fact]
    public void Setting_only_a_minimum_completes_the_maximum_from_the_data()
    {
        // plotly.js loses a one-sided range when an axis has a title, so the library fills in the other end.
        var y = Plotly(Chart.Line([0, 1], [1, 2]).WithYAxis("y", min: 0)).GetProperty("layout").GetProperty("yaxis");
        Assert.Equal(0, y.GetProperty("range")[0].GetDouble());
        Assert.InRange(y.GetProperty("range")[1].GetDouble(), 2, 2.2);   // the data's top, plus a little room
        Assert.False(y.GetProperty("autorange").GetBoolean());
    }

    [Fact]
    public void Changing_one_axis_setting_keeps_the_others()
    {
        var figure = Chart.Line([1, 10], [1, 2]).WithXAxis("T", log: true).WithXAxis(min: 1, max: 10);
        var axis = figure.Panels[0].XAxis;
        Assert.Equal("T", axis.Title);
        Assert.True(axis.Log);
        Assert.Equal((1.0, 10.0), (axis.Min!.Value, axis.Max!.Value));
    }

    [Fact]
    public void Scatter_with_text_shows_markers_and_text_and_hover_goes_to_hovertext()
    {
        var trace = Plotly(Chart.Scatter([1, 2], [3, 4], name: "pts", text: ["a", "b"], hover: ["first", "second"]))
            .GetProperty("data")[0];
        Assert.Equal("markers+text", trace.GetProperty("mode").GetString());
        Assert.Equal(["a", "b"], Strings(trace.GetProperty("text")));
        Assert.Equal(["first", "second"], Strings(trace.GetProperty("hovertext")));
        Assert.Equal("text+name", trace.GetProperty("hoverinfo").GetString());
    }

    [Fact]
    public void Areas_fill_to_zero_and_bands_are_one_closed_outline()
    {
        var area = Plotly(Chart.Area([0, 1, 2], [1, 2, 1])).GetProperty("data")[0];
        Assert.Equal("tozeroy", area.GetProperty("fill").GetString());

        var band = Plotly(Chart.Band([0, 1, 2], lower: [0, 1, 0], upper: [2, 3, 2])).GetProperty("data")[0];
        Assert.Equal("toself", band.GetProperty("fill").GetString());
        // Along the upper curve, then back along the lower one.
        Assert.Equal([0.0, 1, 2, 2, 1, 0], Numbers(band.GetProperty("x")));
        Assert.Equal([2.0, 3, 2, 0, 1, 0], Numbers(band.GetProperty("y")));
    }

    [Fact]
    public void Bars_added_together_are_grouped_and_WithBarMode_stacks_them()
    {
        var grouped = Chart.Bar(["a", "b"], [1, 2], name: "first").Add(Chart.Bar(["a", "b"], [3, 4], name: "second"));
        var json = Plotly(grouped);
        Assert.Equal("group", json.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.Equal(2, json.GetProperty("data").GetArrayLength());
        foreach (var bar in json.GetProperty("data").EnumerateArray())
        {
            Assert.Equal("bar", bar.GetProperty("type").GetString());
            Assert.Equal(["a", "b"], Strings(bar.GetProperty("x")));
        }
        Assert.Equal([3.0, 4], Numbers(json.GetProperty("data")[1].GetProperty("y")));
        Assert.Equal("category", json.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());

        Assert.Equal("stack", Plotly(grouped.WithBarMode(BarMode.Stacked)).GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void Bar_values_are_written_with_the_invariant_culture_whatever_the_students_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var bar = Plotly(Chart.Bar(["x", "y"], [1.5, 2.25], valueFormat: "0.00")).GetProperty("data")[0];
            Assert.Equal(["1.50", "2.25"], Strings(bar.GetProperty("text")));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void Horizontal_bars_swap_the_axes_and_read_from_the_top()
    {
        var json = Plotly(Chart.Bar(["first", "second"], [1, 2], horizontal: true, start: [0.5, 0]));
        var bar = json.GetProperty("data")[0];
        Assert.Equal("h", bar.GetProperty("orientation").GetString());
        Assert.Equal(["first", "second"], Strings(bar.GetProperty("y")));
        Assert.Equal([1.0, 2], Numbers(bar.GetProperty("x")));
        Assert.Equal([0.5, 0], Numbers(bar.GetProperty("base")));
        var y = json.GetProperty("layout").GetProperty("yaxis");
        Assert.Equal("category", y.GetProperty("type").GetString());
        Assert.Equal("reversed", y.GetProperty("autorange").GetString());
    }

    [Fact]
    public void A_histogram_passes_its_values_bins_and_normalisation()
    {
        var trace = Plotly(Chart.Histogram([1, 2, 2, 3], maxBins: 3, normalization: HistogramNormalization.Density))
            .GetProperty("data")[0];
        Assert.Equal("histogram", trace.GetProperty("type").GetString());
        Assert.Equal([1.0, 2, 2, 3], Numbers(trace.GetProperty("x")));
        Assert.Equal(3, trace.GetProperty("nbinsx").GetInt32());
        Assert.Equal("probability density", trace.GetProperty("histnorm").GetString());
    }

    [Fact]
    public void A_heatmap_keeps_rows_and_labels_puts_row_0_on_top_and_writes_cell_values()
    {
        double[,] z = { { 0.1, 0.2, 0.3 }, { 0.4, 0.5, 0.6 } };
        var json = Plotly(Chart.Heatmap(z, columns: ["a", "b", "c"], rows: ["r0", "r1"], valueFormat: "0.0", colorBarTitle: "p"));
        var trace = json.GetProperty("data")[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal([0.4, 0.5, 0.6], Numbers(trace.GetProperty("z")[1]));
        Assert.Equal(["a", "b", "c"], Strings(trace.GetProperty("x")));
        Assert.Equal(["r0", "r1"], Strings(trace.GetProperty("y")));
        Assert.Equal(["0.1", "0.2", "0.3"], Strings(trace.GetProperty("text")[0]));
        Assert.Equal("%{text}", trace.GetProperty("texttemplate").GetString());
        Assert.Equal("p", trace.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("reversed", json.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void A_diverging_heatmap_is_centred_on_zero()
    {
        var trace = Plotly(Chart.Heatmap(new[] { new[] { -1.0, 2.0 } }, scale: ColorScale.Diverging)).GetProperty("data")[0];
        Assert.Equal(0, trace.GetProperty("zmid").GetDouble());
        Assert.Equal(JsonValueKind.Array, trace.GetProperty("colorscale").ValueKind);
    }

    [Fact]
    public void Annotations_notes_and_lines_are_placed_in_data_or_panel_coordinates()
    {
        var layout = Plotly(Chart.Line([0, 1], [0, 1])
                .WithAnnotation(0.5, 0.5, "middle")
                .WithNote("a note")
                .WithVerticalLine(0.3, "mean")
                .WithHorizontalLine(0.7)
                .WithSegment(0, 0, 1, 1, "chord"))
            .GetProperty("layout");
        var annotations = layout.GetProperty("annotations");
        Assert.Equal(2, annotations.GetArrayLength());
        Assert.Equal(("middle", 0.5, 0.5, "x"), (annotations[0].GetProperty("text").GetString(),
            annotations[0].GetProperty("x").GetDouble(), annotations[0].GetProperty("y").GetDouble(), annotations[0].GetProperty("xref").GetString()));
        Assert.True(annotations[0].GetProperty("showarrow").GetBoolean());
        Assert.Equal(("a note", "x domain", "y domain"), (annotations[1].GetProperty("text").GetString(),
            annotations[1].GetProperty("xref").GetString(), annotations[1].GetProperty("yref").GetString()));

        var shapes = layout.GetProperty("shapes");
        Assert.Equal(3, shapes.GetArrayLength());
        var vertical = shapes[0];
        Assert.Equal((0.3, 0.3, 0.0, 1.0), (vertical.GetProperty("x0").GetDouble(), vertical.GetProperty("x1").GetDouble(),
            vertical.GetProperty("y0").GetDouble(), vertical.GetProperty("y1").GetDouble()));
        Assert.Equal("y domain", vertical.GetProperty("yref").GetString());
        Assert.Equal("mean", vertical.GetProperty("label").GetProperty("text").GetString());
        Assert.Equal("x domain", shapes[1].GetProperty("xref").GetString());
        Assert.Equal(0.7, shapes[1].GetProperty("y0").GetDouble());
        Assert.Equal(("x", "y", "chord"), (shapes[2].GetProperty("xref").GetString(), shapes[2].GetProperty("yref").GetString(),
            shapes[2].GetProperty("label").GetProperty("text").GetString()));
    }

    [Fact]
    public void Add_overlays_traces_keeps_the_first_title_and_takes_missing_axis_labels()
    {
        var figure = Chart.Line([0, 1], [0, 1], name: "a").WithTitle("first").WithYAxis("bits")
            .Add(Chart.Line([0, 1], [1, 0], name: "b").WithTitle("second").WithXAxis("p").WithYAxis("nats"));
        Assert.Equal("first", figure.Title);
        Assert.Equal(["a", "b"], figure.Traces.Select(t => t.Name));
        Assert.Equal("p", figure.Panels[0].XAxis.Title);
        Assert.Equal("bits", figure.Panels[0].YAxis.Title);
        Assert.True(Plotly(figure).GetProperty("layout").GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void The_legend_shows_only_when_two_traces_have_names_unless_asked()
    {
        Assert.False(Plotly(Chart.Line([0, 1], [0, 1], name: "only")).GetProperty("layout").GetProperty("showlegend").GetBoolean());
        Assert.True(Plotly(Chart.Line([0, 1], [0, 1], name: "only").WithLegend(true)).GetProperty("layout").GetProperty("showlegend").GetBoolean());
        var unnamed = Plotly(Chart.Line([0, 1], [0, 1]).Add(Chart.Line([0, 1], [1, 0]))).GetProperty("data");
        Assert.All(unnamed.EnumerateArray(), t => Assert.False(t.GetProperty("showlegend").GetBoolean()));
    }

    [Fact]
    public void Traces_take_theme_colours_in_order_within_each_panel_unless_they_have_their_own()
    {
        var data = Plotly(Chart.Grid(2,
                Chart.Line([0, 1], [0, 1]).Add(Chart.Line([0, 1], [1, 0], color: "crimson")),
                Chart.Bar(["a"], [1])))
            .GetProperty("data");
        Assert.Equal(ChartTheme.Default.Colors[0], data[0].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("crimson", data[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal(ChartTheme.Default.Colors[0], data[2].GetProperty("marker").GetProperty("color").GetString());
    }

    [Fact]
    public void A_grid_gives_each_panel_its_own_axes_side_by_side_without_overlap()
    {
        var grid = Chart.Grid(2,
            Chart.Line([0, 1], [0, 1]).WithTitle("one").WithXAxis("p"),
            Chart.Bar(["a", "b"], [1, 2]).WithTitle("two"),
            Chart.Scatter([1], [1]).WithTitle("three"),
            Chart.Heatmap(new[] { new[] { 1.0 } }).WithTitle("four"));
        Assert.Equal(4, grid.Panels.Count);
        var json = Plotly(grid);
        var layout = json.GetProperty("layout");
        var data = json.GetProperty("data");
        Assert.False(data[0].TryGetProperty("xaxis", out _)); // the first panel uses the default axes "x"/"y"
        for (int k = 1; k < 4; k++)
        {
            Assert.Equal($"x{k + 1}", data[k].GetProperty("xaxis").GetString());
            Assert.Equal($"y{k + 1}", data[k].GetProperty("yaxis").GetString());
            Assert.Equal($"y{k + 1}", layout.GetProperty($"xaxis{k + 1}").GetProperty("anchor").GetString());
        }
        Assert.Equal("p", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());

        var boxes = Enumerable.Range(0, 4).Select(k =>
        {
            string suffix = k == 0 ? "" : (k + 1).ToString(CultureInfo.InvariantCulture);
            var x = Numbers(layout.GetProperty("xaxis" + suffix).GetProperty("domain"));
            var y = Numbers(layout.GetProperty("yaxis" + suffix).GetProperty("domain"));
            return (X0: x[0], X1: x[1], Y0: y[0], Y1: y[1]);
        }).ToArray();
        foreach (var b in boxes) Assert.True(0 <= b.X0 && b.X0 < b.X1 && b.X1 <= 1 && 0 <= b.Y0 && b.Y0 < b.Y1 && b.Y1 <= 1, $"bad domain {b}");
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++)
            {
                bool apart = boxes[i].X1 <= boxes[j].X0 || boxes[j].X1 <= boxes[i].X0 || boxes[i].Y1 <= boxes[j].Y0 || boxes[j].Y1 <= boxes[i].Y0;
                Assert.True(apart, $"panels {i} and {j} overlap");
            }
        Assert.True(boxes[0].Y0 > boxes[2].Y1, "the first row must be above the second");
        Assert.True(boxes[0].X1 < boxes[1].X0, "two columns side by side");

        var titles = layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
        Assert.Equal(["one", "two", "three", "four"], titles);
    }

    [Fact]
    public void Numbers_are_stored_with_seven_significant_digits()
    {
        var y = Plotly(Chart.Line([0, 1], [0.123456789, 12345.6789])).GetProperty("data")[0].GetProperty("y");
        Assert.Equal([0.1234568, 12345.68], Numbers(y));
    }

    [Fact]
    public void A_theme_sets_fonts_sizes_colours_and_transparent_backgrounds()
    {
        var json = JsonDocument.Parse(Chart.Scatter([1], [1]).WithTheme(ChartTheme.Presentation).ToJson()).RootElement;
        var layout = json.GetProperty("layout");
        Assert.Equal(ChartTheme.Presentation.FontSize, layout.GetProperty("font").GetProperty("size").GetDouble());
        Assert.Equal(ChartTheme.Presentation.Height, layout.GetProperty("height").GetInt32());
        Assert.Equal("rgba(0,0,0,0)", layout.GetProperty("paper_bgcolor").GetString());
        Assert.Equal("rgba(0,0,0,0)", layout.GetProperty("plot_bgcolor").GetString());
        Assert.Equal(ChartTheme.Presentation.MarkerSize, json.GetProperty("data")[0].GetProperty("marker").GetProperty("size").GetDouble());
        // The text colour is not fixed: the page's colour is copied in when the figure is drawn.
        Assert.False(layout.GetProperty("font").TryGetProperty("color", out _));
    }

    [Fact]
    public void Information_bars_split_the_joint_entropy_into_its_three_pieces()
    {
        // H(X) = 1.5, H(Y) = 1.2, H(X,Y) = 2.1: H(X|Y) = 0.9, I = 0.6, H(Y|X) = 0.6.
        var data = Plotly(Chart.InformationBars(1.5, 1.2, 2.1)).GetProperty("data");
        Assert.Equal(["H(X|Y)", "I(X;Y)", "H(Y|X)"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray());
        double[] sizes = [0.9, 0.6, 0.6];
        double[] starts = [0, 0.9, 1.5];
        for (int piece = 0; piece < 3; piece++)
        {
            var trace = data[piece];
            Assert.Equal(["H(X)", "H(Y)", "H(X,Y)"], Strings(trace.GetProperty("y")));
            // Every piece appears in the joint row, one after the other.
            Assert.Equal(sizes[piece], trace.GetProperty("x")[2].GetDouble(), 9);
            Assert.Equal(starts[piece], trace.GetProperty("base")[2].GetDouble(), 9);
        }
        Assert.Equal(0, data[0].GetProperty("x")[1].GetDouble()); // H(X|Y) is not part of H(Y)
        Assert.Equal(0, data[2].GetProperty("x")[0].GetDouble()); // H(Y|X) is not part of H(X)
    }
}
