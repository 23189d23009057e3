namespace InfoTheory.Charts;

/// <summary>
/// Fonts, sizes and colours of every chart. Backgrounds are always transparent and text takes the
/// colour of the page around the chart, so one theme reads well on light and dark backgrounds.
/// Switch for a whole notebook with <see cref="Chart.UseTheme"/> or <see cref="Chart.UsePresentationTheme"/>,
/// or for one figure with <see cref="Figure.WithTheme"/>. Make your own with
/// <c>ChartTheme.Default with { FontSize = 15 }</c>.
/// </summary>
public sealed record ChartTheme
{
    /// <summary>A name for text output.</summary>
    public string Name { get; init; } = "default";

    /// <summary>A CSS font list; the first installed font wins.</summary>
    public string FontFamily { get; init; } =
        "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

    /// <summary>Tick labels, legend and axis titles, in pixels.</summary>
    public double FontSize { get; init; } = 13;

    /// <summary>The figure title, in pixels.</summary>
    public double TitleFontSize { get; init; } = 17;

    /// <summary>Width of trace lines, in pixels.</summary>
    public double LineWidth { get; init; } = 2.5;

    /// <summary>Marker diameter, in pixels.</summary>
    public double MarkerSize { get; init; } = 8;

    /// <summary>Height of a one-panel figure, in pixels (the width follows the page).</summary>
    public int Height { get; init; } = 400;

    /// <summary>Height of each row of panels in a grid, in pixels.</summary>
    public int GridRowHeight { get; init; } = 280;

    /// <summary>
    /// The colours traces take in turn. The default is Paul Tol's "bright" scheme, which stays
    /// distinguishable with the common colour-vision deficiencies and has mid-tones that show on
    /// white and on near-black.
    /// </summary>
    public IReadOnlyList<string> Colors { get; init; } =
        ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB"];

    /// <summary>Grid lines: a half-transparent mid grey, visible on both light and dark pages.</summary>
    public string GridColor { get; init; } = "rgba(128,128,128,0.25)";

    /// <summary>Axis lines, zero lines and reference lines.</summary>
    public string LineColor { get; init; } = "rgba(128,128,128,0.85)";

    /// <summary>The theme every notebook starts with.</summary>
    public static ChartTheme Default { get; } = new();

    /// <summary>For a projector at the back of a room: big text, thick lines, big markers.</summary>
    public static ChartTheme Presentation { get; } = new()
    {
        Name = "presentation",
        FontSize = 20,
        TitleFontSize = 28,
        LineWidth = 5,
        MarkerSize = 15,
        Height = 560,
        GridRowHeight = 400,
    };
}
