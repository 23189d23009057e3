using System.Text.Json;
using InfoTheory.Charts;
using Xunit;

namespace InfoTheory.Tests.Charts;

/// <summary>Slider figures: one frame per value, steps that animate to those frames, still axes.</summary>
public class SliderTests
{
    private static double H2(double p) => p <= 0 || p >= 1 ? 0 : -p * Math.Log2(p) - (1 - p) * Math.Log2(1 - p);

    private static readonly double[] Ps = [0.1, 0.3, 0.5, 0.7, 0.9];

    private static Figure CoinSlider(double? start = null) => Chart.Slider("p", Ps,
            p => Chart.Bar(["heads", "tails"], [p, 1 - p], name: "P").WithNote($"H = {H2(p):0.000} bits"), start: start)
        .Add(Chart.Line([0, 1], [0.5, 0.5], name: "fair"))
        .WithTitle("A coin");

    [Fact]
    public void Each_value_becomes_a_frame_and_a_step_that_animates_to_it()
    {
        var json = FigureJsonTests.Plotly(CoinSlider());
        var frames = json.GetProperty("frames");
        var slider = json.GetProperty("layout").GetProperty("sliders")[0];
        var steps = slider.GetProperty("steps");
        Assert.Equal(Ps.Length, frames.GetArrayLength());
        Assert.Equal(Ps.Length, steps.GetArrayLength());

        var names = frames.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        for (int i = 0; i < Ps.Length; i++)
        {
            var step = steps[i];
            Assert.Equal("animate", step.GetProperty("method").GetString());
            Assert.Equal(names[i], step.GetProperty("args")[0][0].GetString());
            Assert.Equal(Ps[i].ToString(System.Globalization.CultureInfo.InvariantCulture), step.GetProperty("label").GetString());
            Assert.Equal(0, step.GetProperty("args")[1].GetProperty("frame").GetProperty("duration").GetInt32());

            // The frame holds the bar drawn for Ps[i]: heights p and 1 - p.
            var bar = frames[i].GetProperty("data")[0];
            Assert.Equal(Ps[i], bar.GetProperty("y")[0].GetDouble(), 9);
            Assert.Equal(1 - Ps[i], bar.GetProperty("y")[1].GetDouble(), 9);
        }
        Assert.Equal("p = ", slider.GetProperty("currentvalue").GetProperty("prefix").GetString());
    }

    [Fact]
    public void Still_traces_come_first_and_frames_update_only_the_changing_ones()
    {
        var json = FigureJsonTests.Plotly(CoinSlider());
        var data = json.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("fair", data[0].GetProperty("name").GetString());
        Assert.Equal("bar", data[1].GetProperty("type").GetString());
        foreach (var frame in json.GetProperty("frames").EnumerateArray())
        {
            Assert.Equal([1], frame.GetProperty("traces").EnumerateArray().Select(t => t.GetInt32()));
            Assert.Equal(1, frame.GetProperty("data").GetArrayLength());
        }
    }

    [Fact]
    public void The_figure_starts_at_the_value_nearest_start_and_draws_that_frame_first()
    {
        var figure = CoinSlider(start: 0.68);
        Assert.Equal(3, figure.Slider!.Active); // 0.7 is nearest to 0.68
        var json = FigureJsonTests.Plotly(figure);
        Assert.Equal(3, json.GetProperty("layout").GetProperty("sliders")[0].GetProperty("active").GetInt32());
        Assert.Equal(0.7, json.GetProperty("data")[1].GetProperty("y")[0].GetDouble(), 9);
        Assert.Equal("H = 0.881 bits", json.GetProperty("layout").GetProperty("annotations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Each_frame_carries_its_own_notes()
    {
        var frames = FigureJsonTests.Plotly(CoinSlider()).GetProperty("frames");
        var notes = frames.EnumerateArray()
            .Select(f => f.GetProperty("layout").GetProperty("annotations")[0].GetProperty("text").GetString())
            .ToArray();
        Assert.Equal(Ps.Select(p => $"H = {H2(p):0.000} bits"), notes);
    }

    [Fact]
    public void Axes_stay_still_and_cover_every_frame()
    {
        var figure = Chart.Slider("m", [0.0, 10.0], m => Chart.Line([0, 1], [m, m + 1]));
        var y = FigureJsonTests.Plotly(figure).GetProperty("layout").GetProperty("yaxis");
        var range = y.GetProperty("range").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.True(range[0] <= 0 && range[1] >= 11, $"range [{range[0]}, {range[1]}] must hold y from 0 to 11");
        Assert.False(y.GetProperty("autorange").GetBoolean());
    }

    [Fact]
    public void Text_output_names_the_parameter_and_counts_the_frames()
    {
        string text = CoinSlider().ToString();
        Assert.Contains("A coin", text);
        Assert.Contains("slider over p with 5 frames (0.1 … 0.9)", text);
        Assert.Equal(5, CoinSlider().FrameCount);
    }

    [Fact]
    public void Frames_must_draw_the_same_traces()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Chart.Slider("k", [1.0, 2.0], k => k < 2 ? Chart.Line([0, 1], [0, 1]) : Chart.Bar(["a"], [1])));
        Assert.Equal("figureAt", error.ParamName);
        Assert.Contains("figureAt(2)", error.Message);
    }

    [Fact]
    public void Negative_values_are_labelled_with_a_true_minus_sign()
    {
        var figure = Chart.Slider("μ", [-1.5, 0, 1.5], mu => Chart.Line([0, 1], [mu, mu]));
        Assert.Equal(["−1.5", "0", "1.5"], figure.Slider!.Labels);
    }

    [Fact]
    public void Values_that_print_alike_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Slider("p", [0.1, 0.1001], p => Chart.Line([0, 1], [p, p]), labelFormat: "0.00"));
        Assert.Equal("labelFormat", error.ParamName);
    }

    [Fact]
    public void An_error_inside_figureAt_says_at_which_value()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Chart.Slider("p", [0.5, 0.0], p => Chart.Line([0, 1], [1 / p, 1])));
        Assert.Equal("figureAt", error.ParamName);
        Assert.Contains("figureAt(0)", error.Message);
    }

    [Fact]
    public void A_grid_inside_a_slider_animates_every_panel_and_keeps_panel_titles()
    {
        var figure = Chart.Slider("p", Ps, p => Chart.Grid(2,
            Chart.Bar(["h", "t"], [p, 1 - p]).WithTitle("distribution"),
            Chart.Scatter([p], [H2(p)]).WithTitle("entropy").WithNote($"p = {p}")));
        var frame = FigureJsonTests.Plotly(figure).GetProperty("frames")[2];
        Assert.Equal(2, frame.GetProperty("data").GetArrayLength());
        Assert.Equal("x2", frame.GetProperty("data")[1].GetProperty("xaxis").GetString());
        // A frame's annotations replace the layout's, so they must repeat the panel titles next to the note.
        var texts = frame.GetProperty("layout").GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString());
        Assert.Equal(["distribution", "entropy", "p = 0.5"], texts);
    }
}
