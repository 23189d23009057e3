namespace InfoTheory.Charts;

/// <summary>How a line is drawn.</summary>
public enum LineDash { Solid, Dash, Dot, DashDot }

/// <summary>How bars of several series share a category.</summary>
public enum BarMode
{
    /// <summary>Side by side (the default).</summary>
    Grouped,
    /// <summary>On top of each other, so a bar's height is the sum of its parts.</summary>
    Stacked,
    /// <summary>Drawn over each other, half transparent (good for two histograms).</summary>
    Overlaid,
}

/// <summary>What the height of a histogram bar means.</summary>
public enum HistogramNormalization
{
    /// <summary>How many values fell in the bin.</summary>
    Count,
    /// <summary>The fraction of values in the bin (heights sum to 1).</summary>
    Probability,
    /// <summary>Fraction divided by bin width (areas sum to 1), comparable to a density curve.</summary>
    Density,
}

/// <summary>Colour scales for heatmaps. All are readable by colour-blind viewers.</summary>
public enum ColorScale
{
    /// <summary>Dark purple (low) to yellow (high); perceptually even.</summary>
    Viridis,
    /// <summary>Dark blue to yellow; designed for colour-vision deficiency.</summary>
    Cividis,
    /// <summary>White to dark blue; good for probabilities.</summary>
    Blues,
    /// <summary>Blue (negative) through white (zero) to red (positive), centred on 0.</summary>
    Diverging,
}

/// <summary>How a scatter trace shows its points.</summary>
public enum ScatterMode { Lines, Markers, LinesAndMarkers, MarkersAndText }

/// <summary>Which area a scatter trace fills.</summary>
public enum Fill
{
    None,
    /// <summary>Between the curve and y = 0.</summary>
    ToZero,
    /// <summary>The inside of the closed outline (used by bands between two curves).</summary>
    Inside,
}

/// <summary>
/// One data series on a chart. Made by the <see cref="Chart"/> builders, which check the data;
/// the properties are there to read.
/// </summary>
public abstract record Trace
{
    /// <summary>The name in the legend and on hover; an unnamed trace stays out of the legend.</summary>
    public string? Name { get; internal init; }

    /// <summary>A CSS colour such as "#4477AA", or null for the theme's next colour.</summary>
    public string? Color { get; internal init; }

    /// <summary>Text shown when the pointer rests on each point, or null for the numbers.</summary>
    public IReadOnlyList<string>? Hover { get; internal init; }

    /// <summary>A short kind name for text output: "line", "bar", ….</summary>
    public abstract string Kind { get; }
}

/// <summary>Points joined by lines and/or drawn as markers (plotly "scatter").</summary>
public sealed record ScatterTrace : Trace
{
    /// <summary>Horizontal positions of the points.</summary>
    public IReadOnlyList<double> X { get; internal init; } = [];
    /// <summary>Vertical positions of the points, one per x.</summary>
    public IReadOnlyList<double> Y { get; internal init; } = [];
    /// <summary>Lines, markers, or both.</summary>
    public ScatterMode Mode { get; internal init; } = ScatterMode.Lines;
    /// <summary>Text written next to each marker (for <see cref="ScatterMode.MarkersAndText"/>).</summary>
    public IReadOnlyList<string>? Text { get; internal init; }
    /// <summary>The area filled under or inside the line, if any.</summary>
    public Fill Fill { get; internal init; } = Fill.None;
    /// <summary>Solid, dashed or dotted line.</summary>
    public LineDash Dash { get; internal init; } = LineDash.Solid;
    /// <summary>Marker diameter in pixels, or null for the theme's size.</summary>
    public double? MarkerSize { get; internal init; }

    public override string Kind => Fill != Fill.None ? "area" : Mode switch
    {
        ScatterMode.Lines => "line",
        ScatterMode.LinesAndMarkers => "line",
        _ => "scatter",
    };
}

/// <summary>One bar per category (plotly "bar").</summary>
public sealed record BarTrace : Trace
{
    /// <summary>The label of each bar, in order.</summary>
    public IReadOnlyList<string> Categories { get; internal init; } = [];
    /// <summary>The length of each bar.</summary>
    public IReadOnlyList<double> Values { get; internal init; } = [];
    /// <summary>Where each bar starts (null: at 0). Bars with a base float, as in an information diagram.</summary>
    public IReadOnlyList<double>? Base { get; internal init; }
    /// <summary>Text written on each bar.</summary>
    public IReadOnlyList<string>? Text { get; internal init; }
    /// <summary>Bars grow to the right, categories down the side.</summary>
    public bool Horizontal { get; internal init; }

    public override string Kind => "bar";
}

/// <summary>Values counted into bins by plotly.js (plotly "histogram").</summary>
public sealed record HistogramTrace : Trace
{
    /// <summary>The values to count.</summary>
    public IReadOnlyList<double> Values { get; internal init; } = [];
    /// <summary>The most bins plotly.js may use, or null to let it choose.</summary>
    public int? MaxBins { get; internal init; }
    /// <summary>What a bar's height means: a count, a fraction, or a density.</summary>
    public HistogramNormalization Normalization { get; internal init; }

    public override string Kind => "histogram";
}

/// <summary>A table of numbers shown as coloured cells (plotly "heatmap"). Row 0 is drawn at the top.</summary>
public sealed record HeatmapTrace : Trace
{
    /// <summary>Z[row][column].</summary>
    public IReadOnlyList<IReadOnlyList<double>> Z { get; internal init; } = [];
    /// <summary>The label under each column.</summary>
    public IReadOnlyList<string> ColumnLabels { get; internal init; } = [];
    /// <summary>The label beside each row.</summary>
    public IReadOnlyList<string> RowLabels { get; internal init; } = [];
    /// <summary>How numbers map to colours.</summary>
    public ColorScale Scale { get; internal init; }
    /// <summary>The value given the lowest colour, or null for the smallest value in Z.</summary>
    public double? Min { get; internal init; }
    /// <summary>The value given the highest colour, or null for the largest value in Z.</summary>
    public double? Max { get; internal init; }
    /// <summary>The title over the colour bar, e.g. "p(x, y)".</summary>
    public string? ColorBarTitle { get; internal init; }
    /// <summary>Each cell's number formatted for display in the cell, or null to leave cells blank.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? CellText { get; internal init; }

    public override string Kind => "heatmap";
}
