using System.Globalization;
using System.Text;
using InfoTheory.Rendering;

namespace InfoTheory.Charts;

/// <summary>
/// A chart: one or more panels of traces, titles, axes, notes and reference lines, and optionally a
/// slider. Immutable: every <c>With…</c> and <see cref="Add"/> returns a new figure. End a notebook
/// cell with a figure and it draws; <see cref="ToJson"/> gives the plotly.js figure it becomes.
/// Start one with a <see cref="Chart"/> builder: <c>Chart.Line(xs, ys, name: "H(p)").WithTitle("…")</c>.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource))]
public sealed record Figure : IHtmlRenderable
{
    internal Figure(IReadOnlyList<Panel> panels) => Panels = panels;

    /// <summary>The title above the figure.</summary>
    public string? Title { get; private init; }

    /// <summary>
    /// The plotting areas, in reading order. For a slider figure these hold what stays put on every
    /// frame; what changes is in <see cref="Slider"/>.
    /// </summary>
    public IReadOnlyList<Panel> Panels { get; private init; }

    /// <summary>How many panels sit side by side (1 unless made by <see cref="Chart.Grid"/>).</summary>
    public int Columns { get; private init; } = 1;

    public BarMode BarMode { get; private init; } = BarMode.Grouped;

    /// <summary>The frames and slider, or null for a still figure.</summary>
    public Slider? Slider { get; private init; }

    /// <summary>This figure's theme, or null to use the notebook's (<see cref="Chart.Theme"/>).</summary>
    public ChartTheme? Theme { get; private init; }

    /// <summary>Height in pixels, or null for the theme's height.</summary>
    public int? Height { get; private init; }

    /// <summary>Whether the legend shows, or null for "when two or more traces have names".</summary>
    public bool? ShowLegend { get; private init; }

    /// <summary>Every trace as first drawn: the fixed ones, then those of the slider's starting frame.</summary>
    public IReadOnlyList<Trace> Traces =>
    [
        .. Panels.SelectMany(p => p.Traces),
        .. Slider is null ? [] : Slider.Frames[Slider.Active].SelectMany(p => p.Traces),
    ];

    /// <summary>The number of slider frames (0 without a slider).</summary>
    public int FrameCount => Slider?.Frames.Count ?? 0;

    /// <summary>Sets the title above the figure. Plain Unicode works: "−log₂ p", "KL(p‖q)".</summary>
    public Figure WithTitle(string? title) => this with { Title = ChartArgs.Label(title, nameof(title)) };

    /// <summary>
    /// Sets the horizontal axis (of every panel, in a grid). Arguments left out keep their value.
    /// Put units in brackets, "H(p) [bits]". On a log axis <paramref name="min"/> and
    /// <paramref name="max"/> are still data values, e.g. min: 0.001.
    /// </summary>
    public Figure WithXAxis(string? title = null, bool? log = null, double? min = null, double? max = null) =>
        this with { Panels = Panels.Select(p => p with { XAxis = Change(p.XAxis, title, log, min, max) }).ToArray() };

    /// <summary>Sets the vertical axis (of every panel, in a grid); see <see cref="WithXAxis"/>.</summary>
    public Figure WithYAxis(string? title = null, bool? log = null, double? min = null, double? max = null) =>
        this with { Panels = Panels.Select(p => p with { YAxis = Change(p.YAxis, title, log, min, max) }).ToArray() };

    /// <summary>
    /// Draws <paramref name="other"/>'s traces, notes and lines on this figure's panel, keeping this
    /// figure's title and axes (labels this one lacks are taken from <paramref name="other"/>).
    /// Both must be one-panel figures; <paramref name="other"/> must not have a slider.
    /// </summary>
    public Figure Add(Figure other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Slider is not null)
            throw new ArgumentException(
                "other has a slider; add still parts to a slider figure (slider.Add(still)), not the other way round.", nameof(other));
        if (Panels.Count != 1 || other.Panels.Count != 1)
            throw new ArgumentException(
                "Add overlays one-panel figures; to put figures side by side use Chart.Grid(columns, figures).", nameof(other));

        var mine = Panels[0];
        var theirs = other.Panels[0];
        var merged = mine.Overlay(theirs) with
        {
            XAxis = mine.XAxis.Title is null ? mine.XAxis with { Title = theirs.XAxis.Title } : mine.XAxis,
            YAxis = mine.YAxis.Title is null ? mine.YAxis with { Title = theirs.YAxis.Title } : mine.YAxis,
        };
        return this with { Panels = [merged], Title = Title ?? other.Title };
    }

    /// <summary>Writes <paramref name="text"/> at the data point (x, y), with an arrow pointing at it unless told not to.</summary>
    public Figure WithAnnotation(double x, double y, string text, bool arrow = true)
    {
        ChartArgs.RequireFinite(x, nameof(x), nameof(x));
        ChartArgs.RequireFinite(y, nameof(y), nameof(y));
        return Decorate(p => p with { Annotations = [.. p.Annotations, new Annotation(ChartArgs.RequireText(text, nameof(text)), x, y, arrow)] });
    }

    /// <summary>Writes <paramref name="text"/> in the top-left corner of the plot, e.g. "KL(p‖q) = 0.42 bits".</summary>
    public Figure WithNote(string text) =>
        Decorate(p => p with { Annotations = [.. p.Annotations, new Annotation(ChartArgs.RequireText(text, nameof(text)))] });

    /// <summary>A line across the whole height of the plot at x, e.g. a marker at the mean.</summary>
    public Figure WithVerticalLine(double x, string? label = null, LineDash dash = LineDash.Dash, string? color = null)
    {
        ChartArgs.RequireFinite(x, nameof(x), nameof(x));
        return AddShape(new Shape(ShapeKind.VerticalLine, x, 0, x, 1, label, dash, color));
    }

    /// <summary>A line across the whole width of the plot at y, e.g. the entropy a code cannot beat.</summary>
    public Figure WithHorizontalLine(double y, string? label = null, LineDash dash = LineDash.Dash, string? color = null)
    {
        ChartArgs.RequireFinite(y, nameof(y), nameof(y));
        return AddShape(new Shape(ShapeKind.HorizontalLine, 0, y, 1, y, label, dash, color));
    }

    /// <summary>The straight line from (x0, y0) to (x1, y1), e.g. the chord in the picture of Jensen's inequality.</summary>
    public Figure WithSegment(double x0, double y0, double x1, double y1, string? label = null,
        LineDash dash = LineDash.Solid, string? color = null)
    {
        ChartArgs.RequireFinite(x0, nameof(x0), nameof(x0));
        ChartArgs.RequireFinite(y0, nameof(y0), nameof(y0));
        ChartArgs.RequireFinite(x1, nameof(x1), nameof(x1));
        ChartArgs.RequireFinite(y1, nameof(y1), nameof(y1));
        return AddShape(new Shape(ShapeKind.Segment, x0, y0, x1, y1, label, dash, color));
    }

    /// <summary>Bars of several series: side by side, stacked, or overlaid.</summary>
    public Figure WithBarMode(BarMode mode) => this with { BarMode = mode };

    /// <summary>Sets the height in pixels (the width always follows the page).</summary>
    public Figure WithHeight(int pixels)
    {
        if (pixels < 100 || pixels > 3000)
            throw new ArgumentException($"pixels must be between 100 and 3000 (it is {pixels}).", nameof(pixels));
        return this with { Height = pixels };
    }

    /// <summary>Shows or hides the legend (unnamed traces never appear in it).</summary>
    public Figure WithLegend(bool show) => this with { ShowLegend = show };

    /// <summary>Draws this figure with <paramref name="theme"/> whatever the notebook's theme.</summary>
    public Figure WithTheme(ChartTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return this with { Theme = theme };
    }

    /// <summary>The plotly.js figure (data, layout, frames, config) as JSON, with this figure's theme or the notebook's.</summary>
    public string ToJson() => PlotlyJson.Build(this, Theme ?? Chart.Theme).ToJsonString();

    /// <summary>
    /// The HTML that draws this figure: a div and a script. The first figure of a notebook also carries
    /// plotly.js itself; see <see cref="Chart.AlwaysInlinePlotly"/>.
    /// </summary>
    public string ToHtml() => FigureHtml.Render(this, ChartSettings.CurrentDocument);

    /// <summary>A one-line summary: title, traces, panels and slider frames.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Title is null ? "Figure" : $"Figure \"{Title}\"");
        if (Panels.Count > 1)
            text.Append(CultureInfo.InvariantCulture, $", {Panels.Count} panels in {Columns} column{(Columns == 1 ? "" : "s")}");
        var traces = Traces;
        text.Append(CultureInfo.InvariantCulture, $": {traces.Count} trace{(traces.Count == 1 ? "" : "s")} (");
        text.Append(string.Join(", ", traces.Take(4).Select(t => t.Name is null ? t.Kind : $"{t.Kind} \"{t.Name}\"")));
        text.Append(traces.Count > 4 ? ", …)" : ")");
        if (Slider is not null)
            text.Append(CultureInfo.InvariantCulture,
                $", slider over {Slider.Parameter} with {FrameCount} frames ({Slider.Labels[0]} … {Slider.Labels[^1]})");
        return text.ToString();
    }

    internal Figure AsSliderBase(Slider slider) =>
        this with { Panels = Panels.Select(p => p.Empty()).ToArray(), Slider = slider };

    internal Figure AsGrid(IReadOnlyList<Panel> panels, int columns, BarMode mode) =>
        this with { Panels = panels, Columns = columns, BarMode = mode };

    private Figure AddShape(Shape shape)
    {
        ChartArgs.Label(shape.Label, "label");
        return Decorate(p => p with { Shapes = [.. p.Shapes, shape] });
    }

    // Notes and lines belong to one panel, so on a grid they must be added to a panel before Chart.Grid.
    private Figure Decorate(Func<Panel, Panel> change)
    {
        if (Panels.Count != 1)
            throw new InvalidOperationException(
                "This figure is a grid of panels; add notes and lines to a panel's figure before passing it to Chart.Grid.");
        return this with { Panels = [change(Panels[0])] };
    }

    private static Axis Change(Axis axis, string? title, bool? log, double? min, double? max)
    {
        if (min is double lo) ChartArgs.RequireFinite(lo, nameof(min), nameof(min));
        if (max is double hi) ChartArgs.RequireFinite(hi, nameof(max), nameof(max));
        var changed = axis with
        {
            Title = ChartArgs.Label(title, nameof(title)) ?? axis.Title,
            Log = log ?? axis.Log,
            Min = min ?? axis.Min,
            Max = max ?? axis.Max,
        };
        if (changed.Min >= changed.Max)
            throw new ArgumentException(
                $"min ({ChartArgs.Format(changed.Min!.Value)}) must be below max ({ChartArgs.Format(changed.Max!.Value)}).", min is null ? nameof(max) : nameof(min));
        if (changed.Log && (changed.Min <= 0 || changed.Max <= 0))
            throw new ArgumentException("A log axis shows only positive values, so its min and max must be above 0.",
                min is not null ? nameof(min) : max is not null ? nameof(max) : nameof(log));
        return changed;
    }
}
