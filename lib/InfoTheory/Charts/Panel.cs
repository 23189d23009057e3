namespace InfoTheory.Charts;

/// <summary>One axis of a panel. Null values mean "let plotly.js decide".</summary>
public sealed record Axis
{
    /// <summary>The axis label, units in brackets: "H(p) [bits]".</summary>
    public string? Title { get; internal init; }

    /// <summary>Logarithmic scale (every value on it must be positive).</summary>
    public bool Log { get; internal init; }

    /// <summary>The lowest value shown, in data units (also on a log axis).</summary>
    public double? Min { get; internal init; }

    /// <summary>The highest value shown, in data units (also on a log axis).</summary>
    public double? Max { get; internal init; }
}

/// <summary>
/// Text on a panel: at the data point (<see cref="X"/>, <see cref="Y"/>), with an arrow if asked,
/// or, when the position is null, a note in the panel's top-left corner.
/// </summary>
public sealed record Annotation(string Text, double? X = null, double? Y = null, bool Arrow = true)
{
    /// <summary>True for a corner note (no data position).</summary>
    public bool IsNote => X is null;
}

/// <summary>The kinds of line a panel can carry besides its traces.</summary>
public enum ShapeKind
{
    /// <summary>x = X0 from the bottom of the panel to the top.</summary>
    VerticalLine,
    /// <summary>y = Y0 from the left of the panel to the right.</summary>
    HorizontalLine,
    /// <summary>The straight line from (X0, Y0) to (X1, Y1), e.g. a chord.</summary>
    Segment,
}

/// <summary>A reference line drawn on a panel, with an optional label.</summary>
public sealed record Shape(
    ShapeKind Kind, double X0, double Y0, double X1, double Y1,
    string? Label = null, LineDash Dash = LineDash.Dash, string? Color = null);

/// <summary>
/// One plotting area with its own axes. A plain figure has one panel; <see cref="Chart.Grid"/> makes
/// a figure with several.
/// </summary>
public sealed record Panel
{
    public IReadOnlyList<Trace> Traces { get; internal init; } = [];
    public Axis XAxis { get; internal init; } = new();
    public Axis YAxis { get; internal init; } = new();
    /// <summary>The panel's own title (shown above it in a grid).</summary>
    public string? Title { get; internal init; }
    public IReadOnlyList<Annotation> Annotations { get; internal init; } = [];
    public IReadOnlyList<Shape> Shapes { get; internal init; } = [];

    /// <summary>Everything drawn on this panel plus everything drawn on <paramref name="other"/>.</summary>
    internal Panel Overlay(Panel other) => this with
    {
        Traces = [.. Traces, .. other.Traces],
        Annotations = [.. Annotations, .. other.Annotations],
        Shapes = [.. Shapes, .. other.Shapes],
    };

    /// <summary>This panel's axes and title with nothing drawn on it.</summary>
    internal Panel Empty() => this with { Traces = [], Annotations = [], Shapes = [] };
}
