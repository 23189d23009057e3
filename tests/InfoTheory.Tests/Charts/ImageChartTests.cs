using System.Text.Json;
using InfoTheory.Charts;
using Xunit;
using static InfoTheory.Tests.Charts.FigureJsonTests;

namespace InfoTheory.Tests.Charts;

public class ImageChartTests
{
    // Three 2 × 3 pictures (2 wide, 3 tall), two per grid row.
    private static readonly double[][] Pictures =
    [
        [0.0, 0.1, 0.2, 0.3, 0.4, 0.5],
        [1.0, 0.9, 0.8, 0.7, 0.6, 0.5],
        [0.25, 0.25, 0.5, 0.5, 0.75, 0.75],
    ];

    [Fact]
    public void Pictures_are_tiled_row_by_row_with_a_blank_pixel_between_them()
    {
        var trace = Plotly(Chart.Images(Pictures, width: 2, columns: 2)).GetProperty("data")[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var z = trace.GetProperty("z").EnumerateArray().Select(row => row.EnumerateArray().ToArray()).ToArray();
        // Two grid rows of 3 pixel rows with one blank row between: 7 rows; two pictures of 2 with a gap: 5 columns.
        Assert.Equal(7, z.Length);
        Assert.All(z, row => Assert.Equal(5, row.Length));
        Assert.Equal([0.0, 0.1], z[0][..2].Select(v => v.GetDouble()));        // picture 0, pixel row 0
        Assert.Equal(JsonValueKind.Null, z[0][2].ValueKind);                    // the gap
        Assert.Equal([1.0, 0.9], z[0][3..].Select(v => v.GetDouble()));        // picture 1, pixel row 0
        Assert.Equal([0.4, 0.5], z[2][..2].Select(v => v.GetDouble()));        // picture 0, pixel row 2
        Assert.All(z[3], v => Assert.Equal(JsonValueKind.Null, v.ValueKind)); // the blank row between grid rows
        Assert.Equal([0.75, 0.75], z[6][..2].Select(v => v.GetDouble()));      // picture 2, last row
        Assert.Equal(JsonValueKind.Null, z[6][3].ValueKind);                    // no fourth picture
        Assert.Equal(0, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(1, trace.GetProperty("zmax").GetDouble());
        Assert.False(trace.GetProperty("showscale").GetBoolean());
    }

    [Fact]
    public void Image_panels_hide_their_axes_keep_pixels_square_and_put_row_0_on_top()
    {
        var layout = Plotly(Chart.Images(Pictures, width: 2)).GetProperty("layout");
        Assert.False(layout.GetProperty("xaxis").GetProperty("visible").GetBoolean());
        Assert.Equal("y", layout.GetProperty("xaxis").GetProperty("scaleanchor").GetString());
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void Captions_show_on_hover_over_every_pixel_of_their_picture()
    {
        var trace = Plotly(Chart.Images(Pictures, width: 2, columns: 3, captions: ["a", "b", "c"])).GetProperty("data")[0];
        Assert.Equal("b", trace.GetProperty("text")[2][4].GetString());
        Assert.Equal("c", trace.GetProperty("text")[2][6].GetString());
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("text")[2][5].ValueKind);   // the gap has no caption
        Assert.Equal("%{text}<extra></extra>", trace.GetProperty("hovertemplate").GetString());
    }

    [Fact]
    public void Images_work_in_grids_and_sliders()
    {
        var grid = Chart.Grid(2, Chart.Images(Pictures, 2).WithTitle("one"), Chart.Images(Pictures, 2).WithTitle("two"));
        var layout = Plotly(grid).GetProperty("layout");
        Assert.Equal("y2", layout.GetProperty("xaxis2").GetProperty("scaleanchor").GetString());
        var slider = Chart.Slider("k", [0, 1, 2], k => Chart.Images([Pictures[(int)k]], 2));
        Assert.Equal(3, Plotly(slider).GetProperty("layout").GetProperty("sliders")[0].GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public void Bad_pictures_are_refused_with_the_argument_named()
    {
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => Chart.Images([[0.0, 1.5]], 2)).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => Chart.Images([[0.0, 1.0], [0.5]], 2)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentException>(() => Chart.Images([[0.0, 1.0, 0.5]], 2)).ParamName);
        Assert.Equal("captions", Assert.Throws<ArgumentException>(() => Chart.Images(Pictures, 2, captions: ["a"])).ParamName);
    }
}
