using InfoTheory.Charts;
using Xunit;

namespace InfoTheory.Tests.Charts;

/// <summary>Bad data is refused at once with an ArgumentException that names the argument and says what to do.</summary>
public class ValidationTests
{
    private static void Refused(string parameter, Action build, string? messagePart = null)
    {
        var error = Assert.ThrowsAny<ArgumentException>(build);
        Assert.Equal(parameter, error.ParamName);
        if (messagePart is not null) Assert.Contains(messagePart, error.Message);
    }

    [Fact]
    public void Lengths_must_match() => Refused("y", () => Chart.Line([1, 2, 3], [1, 2]), "y has 2 values but x has 3");

    [Fact]
    public void NaN_is_refused_with_its_position() => Refused("y", () => Chart.Scatter([1, 2], [1, double.NaN]), "y[1] is NaN");

    [Fact]
    public void Infinity_is_refused_with_a_hint() => Refused("x", () => Chart.Line([double.PositiveInfinity, 1], [1, 2]), "x[0] is +∞");

    [Fact]
    public void Empty_data_is_refused() => Refused("values", () => Chart.Histogram([]), "empty");

    [Fact]
    public void Null_data_is_refused() => Refused("x", () => Chart.Line(null!, [1.0]));

    [Fact]
    public void Hover_text_must_match_the_points() => Refused("hover", () => Chart.Line([1, 2], [1, 2], hover: ["only one"]));

    [Fact]
    public void A_function_that_blows_up_in_range_is_refused_with_where() =>
        Refused("f", () => Chart.Function(p => -Math.Log2(p), 0, 1), "f(0) = +∞");

    [Fact]
    public void Log_spacing_needs_a_positive_start() => Refused("from", () => Chart.Function(x => x, 0, 1, logSpacing: true));

    [Fact]
    public void Categories_must_be_distinct() => Refused("categories", () => Chart.Bar(["a", "a"], [1, 2]), "\"a\" appears 2 times");

    [Fact]
    public void Text_and_value_format_together_are_refused() =>
        Refused("valueFormat", () => Chart.Bar(["a"], [1], text: ["x"], valueFormat: "0.0"));

    [Fact]
    public void A_bad_number_format_is_refused() => Refused("valueFormat", () => Chart.Bar(["a"], [1], valueFormat: "X2"));

    [Fact]
    public void Heatmap_rows_must_have_equal_lengths() =>
        Refused("z", () => Chart.Heatmap(new[] { new[] { 1.0, 2 }, new[] { 3.0 } }), "row 1 has 1 numbers but row 0 has 2");

    [Fact]
    public void Heatmap_labels_must_match_the_table() =>
        Refused("columns", () => Chart.Heatmap(new double[,] { { 1, 2 } }, columns: ["only"]));

    [Fact]
    public void LaTeX_labels_are_refused_with_the_unicode_alternative() =>
        Refused("title", () => Chart.Line([0, 1], [0, 1]).WithYAxis("$H(p)$"), "Unicode");

    [Fact]
    public void Axis_min_must_be_below_max() => Refused("min", () => Chart.Line([0, 1], [0, 1]).WithXAxis(min: 2, max: 1));

    [Fact]
    public void A_log_axis_needs_positive_limits() => Refused("min", () => Chart.Line([1, 2], [1, 2]).WithXAxis(log: true, min: 0));

    [Fact]
    public void Reference_lines_need_finite_positions() => Refused("x", () => Chart.Line([0, 1], [0, 1]).WithVerticalLine(double.NaN));

    [Fact]
    public void Linspace_needs_two_points_and_an_increasing_range()
    {
        Refused("count", () => Chart.Linspace(0, 1, 1));
        Refused("from", () => Chart.Linspace(1, 1, 5));
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], Chart.Linspace(0, 1, 5));
    }

    [Fact]
    public void Information_bars_need_entropies_from_one_joint_distribution()
    {
        Refused("hXY", () => Chart.InformationBars(1, 1, 2.5), "between");
        Refused("hXY", () => Chart.InformationBars(1, 1.5, 1.2), "between");
        Refused("hX", () => Chart.InformationBars(-0.1, 1, 1));
    }

    [Fact]
    public void Add_overlays_only_one_panel_figures()
    {
        var grid = Chart.Grid(2, Chart.Line([0, 1], [0, 1]), Chart.Line([0, 1], [1, 0]));
        Refused("other", () => Chart.Line([0, 1], [0, 1]).Add(grid), "Chart.Grid");
        var slider = Chart.Slider("p", [0.1, 0.2], p => Chart.Line([0, 1], [p, p]));
        Refused("other", () => Chart.Line([0, 1], [0, 1]).Add(slider));
    }

    [Fact]
    public void Grids_refuse_sliders_and_impossible_column_counts()
    {
        var slider = Chart.Slider("p", [0.1, 0.2], p => Chart.Line([0, 1], [p, p]));
        Refused("figures", () => Chart.Grid(1, slider), "inside the slider");
        Refused("columns", () => Chart.Grid(3, Chart.Line([0, 1], [0, 1])));
        Refused("figures", () => Chart.Grid(1, Chart.Bar(["a"], [1]).WithBarMode(BarMode.Stacked), Chart.Bar(["b"], [1])));
    }

    [Fact]
    public void Notes_on_a_grid_say_to_add_them_to_a_panel_first()
    {
        var grid = Chart.Grid(2, Chart.Line([0, 1], [0, 1]), Chart.Line([0, 1], [1, 0]));
        var error = Assert.Throws<InvalidOperationException>(() => grid.WithNote("hello"));
        Assert.Contains("before passing it to Chart.Grid", error.Message);
    }

    [Fact]
    public void Heights_outside_reason_are_refused() => Refused("pixels", () => Chart.Line([0, 1], [0, 1]).WithHeight(20));

    [Fact]
    public void Blank_colours_are_refused() => Refused("color", () => Chart.Line([0, 1], [0, 1], color: " "));
}
