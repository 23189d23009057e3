using System.Globalization;

namespace InfoTheory.Charts;

/// <summary>
/// Builds figures. Every builder checks its data (equal lengths, finite numbers, something to plot) and
/// returns a one-panel <see cref="Figure"/> to refine with <c>With…</c>, overlay with
/// <see cref="Figure.Add"/>, put in a <see cref="Grid"/> or animate with a <see cref="Slider"/>.
/// <code>
/// Chart.Function(p => -Math.Log2(p), 0.001, 1, name: "−log₂ p")
///      .WithTitle("Surprisal").WithXAxis("p").WithYAxis("surprisal [bits]")
/// </code>
/// Labels are plain text: write math in Unicode ("−log₂ p", "H(X|Y)", "KL(p‖q)"); $…$ LaTeX is refused
/// because plotly.js needs MathJax for it, which is not shipped.
/// </summary>
public static partial class Chart
{
    // ---------------------------------------------------------------- notebook settings

    /// <summary>The theme of the notebook running now (changed by <see cref="UseTheme"/>).</summary>
    public static ChartTheme Theme => ChartSettings.CurrentDocument.Theme;

    /// <summary>Draws every later figure of this notebook with <paramref name="theme"/>.</summary>
    public static void UseTheme(ChartTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ChartSettings.CurrentDocument.Theme = theme;
    }

    /// <summary>Big fonts, thick lines and big markers for a projector, for the rest of this notebook.</summary>
    public static void UsePresentationTheme() => UseTheme(ChartTheme.Presentation);

    /// <summary>Back to the normal theme for the rest of this notebook.</summary>
    public static void UseDefaultTheme() => UseTheme(ChartTheme.Default);

    /// <summary>
    /// Normally only the first figure of a notebook carries plotly.js (about 5 MB) and later figures use
    /// that copy. If you cleared that figure's output, charts say plotly.js has not loaded: set this to
    /// true and re-run the cell, and every figure will carry its own copy.
    /// </summary>
    public static bool AlwaysInlinePlotly
    {
        get => ChartSettings.CurrentDocument.AlwaysInlinePlotly;
        set => ChartSettings.CurrentDocument.AlwaysInlinePlotly = value;
    }

    // ---------------------------------------------------------------- lines and points

    /// <summary>A line through the points (x[i], y[i]), with markers if asked.</summary>
    public static Figure Line(IEnumerable<double> x, IEnumerable<double> y, string? name = null, string? color = null,
        LineDash dash = LineDash.Solid, bool markers = false, IEnumerable<string>? hover = null)
    {
        var (xs, ys) = Pairs(x, y);
        return One(new ScatterTrace
        {
            X = xs, Y = ys, Name = Name(name), Color = Color(color), Dash = dash,
            Mode = markers ? ScatterMode.LinesAndMarkers : ScatterMode.Lines,
            Hover = ChartArgs.Optional(hover, xs.Length, nameof(hover), nameof(x)),
        });
    }

    /// <summary>
    /// The curve of <paramref name="f"/> sampled at <paramref name="points"/> points from
    /// <paramref name="from"/> to <paramref name="to"/> (evenly, or evenly in log x for a log axis).
    /// </summary>
    public static Figure Function(Func<double, double> f, double from, double to, string? name = null,
        int points = 200, bool logSpacing = false, string? color = null, LineDash dash = LineDash.Solid)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (logSpacing && from <= 0)
            throw new ArgumentException($"logSpacing needs from > 0 (it is {ChartArgs.Format(from)}).", nameof(from));
        var xs = logSpacing
            ? Linspace(Math.Log10(from), Math.Log10(to), points).Select(e => Math.Pow(10, e)).ToArray()
            : Linspace(from, to, points);
        var ys = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            ys[i] = f(xs[i]);
            if (!double.IsFinite(ys[i]))
                throw new ArgumentException(
                    $"f({ChartArgs.Format(xs[i])}) = {ChartArgs.Format(ys[i])}; charts need finite numbers. " +
                    "Move from/to inside the range where f is finite (e.g. start −log₂ p at 0.001, not 0).", nameof(f));
        }
        return One(new ScatterTrace { X = xs, Y = ys, Name = Name(name), Color = Color(color), Dash = dash });
    }

    /// <summary>
    /// Markers at the points (x[i], y[i]); with <paramref name="text"/>, each marker is labelled on the
    /// chart, and <paramref name="hover"/> is shown when the pointer rests on a marker.
    /// </summary>
    public static Figure Scatter(IEnumerable<double> x, IEnumerable<double> y, string? name = null,
        IEnumerable<string>? text = null, IEnumerable<string>? hover = null, string? color = null, double? size = null)
    {
        var (xs, ys) = Pairs(x, y);
        if (size is double s) ChartArgs.RequirePositive(s, nameof(size));
        return One(new ScatterTrace
        {
            X = xs, Y = ys, Name = Name(name), Color = Color(color), MarkerSize = size,
            Mode = text is null ? ScatterMode.Markers : ScatterMode.MarkersAndText,
            Text = ChartArgs.Optional(text, xs.Length, nameof(text), nameof(x)),
            Hover = ChartArgs.Optional(hover, xs.Length, nameof(hover), nameof(x)),
        });
    }

    /// <summary>A line with the area between it and y = 0 filled.</summary>
    public static Figure Area(IEnumerable<double> x, IEnumerable<double> y, string? name = null, string? color = null)
    {
        var (xs, ys) = Pairs(x, y);
        return One(new ScatterTrace { X = xs, Y = ys, Name = Name(name), Color = Color(color), Fill = Fill.ToZero });
    }

    /// <summary>
    /// The region between two curves over the same x, filled (e.g. the gap between a bound and the
    /// value it bounds). Drawn as one closed outline: along <paramref name="upper"/>, back along <paramref name="lower"/>.
    /// </summary>
    public static Figure Band(IEnumerable<double> x, IEnumerable<double> lower, IEnumerable<double> upper,
        string? name = null, string? color = null)
    {
        var (xs, lows) = Pairs(x, lower, nameof(lower));
        var highs = ChartArgs.Finite(upper, nameof(upper));
        ChartArgs.SameLength(highs.Length, xs.Length, nameof(upper), nameof(x));
        double[] outlineX = [.. xs, .. Enumerable.Reverse(xs)];
        double[] outlineY = [.. highs, .. Enumerable.Reverse(lows)];
        return One(new ScatterTrace { X = outlineX, Y = outlineY, Name = Name(name), Color = Color(color), Fill = Fill.Inside });
    }

    // ---------------------------------------------------------------- bars and tables

    /// <summary>
    /// One bar per category. Several <c>Bar</c> figures added together group side by side; use
    /// <see cref="Figure.WithBarMode"/> to stack them. Write values on the bars with
    /// <paramref name="valueFormat"/> (a .NET format such as "0.00") or any <paramref name="text"/>
    /// (e.g. Huffman codewords). <paramref name="start"/> makes floating bars from start[i] to start[i] + values[i].
    /// </summary>
    public static Figure Bar(IEnumerable<string> categories, IEnumerable<double> values, string? name = null,
        IEnumerable<string>? text = null, string? valueFormat = null, bool horizontal = false, string? color = null,
        IEnumerable<string>? hover = null, IEnumerable<double>? start = null)
    {
        var labels = ChartArgs.Names(categories, nameof(categories));
        var duplicate = labels.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"category \"{duplicate.Key}\" appears {duplicate.Count()} times; each bar needs its own category.", nameof(categories));
        var heights = ChartArgs.Finite(values, nameof(values));
        ChartArgs.SameLength(heights.Length, labels.Length, nameof(values), nameof(categories));
        if (text is not null && valueFormat is not null)
            throw new ArgumentException("Give text or valueFormat, not both: both would write on the bars.", nameof(valueFormat));
        double[]? starts = null;
        if (start is not null)
        {
            starts = ChartArgs.Finite(start, nameof(start));
            ChartArgs.SameLength(starts.Length, labels.Length, nameof(start), nameof(categories));
        }
        return One(new BarTrace
        {
            Categories = labels, Values = heights, Name = Name(name), Color = Color(color), Horizontal = horizontal,
            Base = starts,
            Text = valueFormat is null
                ? ChartArgs.Optional(text, labels.Length, nameof(text), nameof(categories))
                : heights.Select(v => FormatValue(v, valueFormat, nameof(valueFormat))).ToArray(),
            Hover = ChartArgs.Optional(hover, labels.Length, nameof(hover), nameof(categories)),
        });
    }

    /// <summary>
    /// The values counted into bins by the browser. <paramref name="maxBins"/> caps the number of bins;
    /// <see cref="HistogramNormalization.Density"/> makes the bars comparable with a density curve.
    /// </summary>
    public static Figure Histogram(IEnumerable<double> values, string? name = null, int? maxBins = null,
        HistogramNormalization normalization = HistogramNormalization.Count, string? color = null)
    {
        var data = ChartArgs.Finite(values, nameof(values));
        if (maxBins is < 1) throw new ArgumentException($"maxBins must be at least 1 (it is {maxBins}).", nameof(maxBins));
        return One(new HistogramTrace
        {
            Values = data, Name = Name(name), Color = Color(color), MaxBins = maxBins, Normalization = normalization,
        });
    }

    /// <summary>
    /// A table of numbers as coloured cells, z[row, column], row 0 at the top (as a matrix is written).
    /// Each cell shows its value in <paramref name="valueFormat"/> (null: no numbers in the cells).
    /// </summary>
    public static Figure Heatmap(double[,] z, IEnumerable<string>? columns = null, IEnumerable<string>? rows = null,
        ColorScale scale = ColorScale.Viridis, string? valueFormat = "0.###", double? min = null, double? max = null,
        string? colorBarTitle = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        var jagged = Enumerable.Range(0, z.GetLength(0))
            .Select(r => Enumerable.Range(0, z.GetLength(1)).Select(c => z[r, c]).ToArray());
        return Heatmap(jagged, columns, rows, scale, valueFormat, min, max, colorBarTitle);
    }

    /// <summary>The same as the <c>double[,]</c> overload, for rows given one by one (z[row][column]).</summary>
    public static Figure Heatmap(IEnumerable<IEnumerable<double>> z, IEnumerable<string>? columns = null,
        IEnumerable<string>? rows = null, ColorScale scale = ColorScale.Viridis, string? valueFormat = "0.###",
        double? min = null, double? max = null, string? colorBarTitle = null)
    {
        var table = ChartArgs.NonEmpty(z, nameof(z)).Select((row, r) => ChartArgs.Finite(row, $"z[{r}]")).ToArray();
        for (int r = 1; r < table.Length; r++)
            if (table[r].Length != table[0].Length)
                throw new ArgumentException($"z row {r} has {table[r].Length} numbers but row 0 has {table[0].Length}; every row needs the same number of columns.", nameof(z));
        var columnLabels = columns is null ? Numbered(table[0].Length) : ChartArgs.Names(columns, nameof(columns));
        var rowLabels = rows is null ? Numbered(table.Length) : ChartArgs.Names(rows, nameof(rows));
        ChartArgs.SameLength(columnLabels.Length, table[0].Length, nameof(columns), "each row of z");
        ChartArgs.SameLength(rowLabels.Length, table.Length, nameof(rows), "z");
        if (min is double lo) ChartArgs.RequireFinite(lo, nameof(min), nameof(min));
        if (max is double hi) ChartArgs.RequireFinite(hi, nameof(max), nameof(max));
        if (min >= max) throw new ArgumentException("min must be below max.", nameof(min));
        return One(new HeatmapTrace
        {
            Z = table, ColumnLabels = columnLabels, RowLabels = rowLabels, Scale = scale, Min = min, Max = max,
            ColorBarTitle = ChartArgs.Label(colorBarTitle, nameof(colorBarTitle)),
            CellText = valueFormat is null ? null
                : table.Select(row => row.Select(v => FormatValue(v, valueFormat, nameof(valueFormat))).ToArray()).ToArray(),
        });
    }

    /// <summary>
    /// The information diagram of two variables as floating bars: H(X) and H(Y) overlap in I(X;Y), and
    /// H(X,Y) is the whole, H(X|Y) + I(X;Y) + H(Y|X). Give the three entropies in bits; the pieces follow
    /// from H(X|Y) = H(X,Y) − H(Y), H(Y|X) = H(X,Y) − H(X), I(X;Y) = H(X) + H(Y) − H(X,Y).
    /// </summary>
    public static Figure InformationBars(double hX, double hY, double hXY, string x = "X", string y = "Y")
    {
        foreach (var (value, argument) in new[] { (hX, nameof(hX)), (hY, nameof(hY)), (hXY, nameof(hXY)) })
        {
            ChartArgs.RequireFinite(value, argument, argument);
            if (value < 0) throw new ArgumentException($"{argument} is negative ({ChartArgs.Format(value)}); entropies are ≥ 0.", argument);
        }
        const double slack = 1e-9; // rounding in the caller's sums
        if (hXY < Math.Max(hX, hY) - slack || hXY > hX + hY + slack)
            throw new ArgumentException(
                $"hXY = {ChartArgs.Format(hXY)} must lie between max(hX, hY) = {ChartArgs.Format(Math.Max(hX, hY))} " +
                $"and hX + hY = {ChartArgs.Format(hX + hY)}; check that the three entropies come from one joint distribution.", nameof(hXY));
        double xGivenY = Math.Max(0, hXY - hY), yGivenX = Math.Max(0, hXY - hX), shared = Math.Max(0, hX + hY - hXY);

        // Rows H(X), H(Y), H(X,Y); each piece is a floating bar in the rows it belongs to (zero length elsewhere).
        string[] rows = [$"H({x})", $"H({y})", $"H({x},{y})"];
        Figure Piece(string name, bool[] inRow, double size, double from) => Bar(
            rows, inRow.Select(r => r ? size : 0), name, horizontal: true,
            text: inRow.Select(r => r ? size.ToString("0.###", CultureInfo.InvariantCulture) : ""),
            hover: inRow.Select(r => r ? $"{name} = {size.ToString("0.####", CultureInfo.InvariantCulture)} bits" : ""),
            start: rows.Select(_ => from));

        return Piece($"H({x}|{y})", [true, false, true], xGivenY, 0)
            .Add(Piece($"I({x};{y})", [true, true, true], shared, xGivenY))
            .Add(Piece($"H({y}|{x})", [false, true, true], yGivenX, xGivenY + shared))
            .WithBarMode(BarMode.Overlaid)
            .WithXAxis("bits", min: 0)
            .WithLegend(true);
    }

    // ---------------------------------------------------------------- putting figures together

    /// <summary>
    /// Puts one-panel figures side by side, <paramref name="columns"/> per row, each keeping its axes,
    /// and its title as the panel's title.
    /// </summary>
    public static Figure Grid(int columns, params Figure[] figures)
    {
        var parts = ChartArgs.NonEmpty(figures, nameof(figures));
        if (columns < 1 || columns > parts.Length)
            throw new ArgumentException($"columns must be between 1 and the number of figures ({parts.Length}); it is {columns}.", nameof(columns));
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] is null) throw new ArgumentException($"figures[{i}] is null.", nameof(figures));
            if (parts[i].Slider is not null)
                throw new ArgumentException($"figures[{i}] has a slider; build the grid inside the slider's function instead: Chart.Slider(\"p\", ps, p => Chart.Grid(…)).", nameof(figures));
            if (parts[i].Panels.Count != 1)
                throw new ArgumentException($"figures[{i}] is already a grid; pass its panels' figures instead.", nameof(figures));
        }
        var modes = parts.Select(f => f.BarMode).Distinct().ToArray();
        if (modes.Length > 1)
            throw new ArgumentException("The figures use different bar modes, but a page of panels has one; give them the same WithBarMode.", nameof(figures));
        var panels = parts.Select(f => f.Panels[0] with { Title = f.Panels[0].Title ?? f.Title }).ToArray();
        return new Figure(panels).AsGrid(panels, columns, modes[0]);
    }

    /// <summary>
    /// A figure with a slider over <paramref name="parameter"/>: <paramref name="figureAt"/> draws the
    /// figure for each of <paramref name="values"/> and the slider switches between them in the browser.
    /// Every drawing must have the same panels and the same traces in the same order (only their data
    /// change); notes and lines may change too. Title, axes and legend come from the starting frame
    /// (the value nearest <paramref name="start"/>, or the first). Axis ranges are fixed across frames
    /// unless you set them, so movement is visible.
    /// <code>
    /// Chart.Slider("p", Chart.Linspace(0.01, 0.99, 99), p =>
    ///     Chart.Bar(["heads", "tails"], [p, 1 - p]).WithNote($"H = {H(p):0.000} bits"))
    /// </code>
    /// </summary>
    public static Figure Slider(string parameter, IEnumerable<double> values, Func<double, Figure> figureAt,
        double? start = null, string labelFormat = "0.###")
    {
        ChartArgs.RequireText(parameter, nameof(parameter));
        var points = ChartArgs.Finite(values, nameof(values));
        ArgumentNullException.ThrowIfNull(figureAt);
        var labels = points.Select(v => FormatValue(v, labelFormat, nameof(labelFormat))).ToArray();
        var clash = labels.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"Two values show as \"{clash.Key}\" with labelFormat \"{labelFormat}\"; use distinct values or a longer format such as \"0.0000\".", nameof(labelFormat));

        var drawings = new Figure[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            Figure? drawing;
            try { drawing = figureAt(points[i]); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new ArgumentException($"figureAt({labels[i]}) failed: {e.Message}", nameof(figureAt), e);
            }
            if (drawing is null) throw new ArgumentException($"figureAt({labels[i]}) returned null; return a figure.", nameof(figureAt));
            if (drawing.Slider is not null) throw new ArgumentException($"figureAt({labels[i]}) returned a slider figure; sliders do not nest.", nameof(figureAt));
            drawings[i] = drawing;
        }
        for (int i = 1; i < drawings.Length; i++) RequireSameShape(drawings[0], drawings[i], labels[0], labels[i]);

        int active = start is double s ? Array.IndexOf(points, points.MinBy(v => Math.Abs(v - s))) : 0;
        // The figure keeps the starting frame's title, axes, bar mode, legend and theme; what each frame draws goes in the slider.
        return drawings[active].AsSliderBase(new Slider
        {
            Parameter = parameter, Values = points, Labels = labels, Active = active,
            Frames = drawings.Select(d => d.Panels).ToArray(),
        });
    }

    /// <summary>
    /// Text with each token shaded by its surprisal in bits (hover shows the value), and a colour key.
    /// <paramref name="scaleMax"/> fixes the darkest shade (use the same for strips you compare); the
    /// default is the largest finite surprisal. +∞ (a token the model gave probability 0) is allowed.
    /// </summary>
    public static SurprisalStrip SurprisalStrip(IEnumerable<string> tokens, IEnumerable<double> bits,
        string? title = null, double? scaleMax = null) => Charts.SurprisalStrip.Create(tokens, bits, title, scaleMax);

    // ---------------------------------------------------------------- helpers

    /// <summary><paramref name="count"/> evenly spaced numbers from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static double[] Linspace(double from, double to, int count)
    {
        ChartArgs.RequireFinite(from, nameof(from), nameof(from));
        ChartArgs.RequireFinite(to, nameof(to), nameof(to));
        if (from >= to) throw new ArgumentException($"from ({ChartArgs.Format(from)}) must be below to ({ChartArgs.Format(to)}).", nameof(from));
        if (count < 2 || count > 1_000_000) throw new ArgumentException($"count must be between 2 and 1,000,000 (it is {count}).", nameof(count));
        var result = new double[count];
        for (int i = 0; i < count; i++) result[i] = from + (to - from) * i / (count - 1);
        result[^1] = to; // exact end point despite rounding
        return result;
    }

    private static Figure One(Trace trace) => new([new Panel { Traces = [trace] }]);

    private static (double[] X, double[] Y) Pairs(IEnumerable<double> x, IEnumerable<double> y, string yName = "y")
    {
        var xs = ChartArgs.Finite(x, nameof(x));
        var ys = ChartArgs.Finite(y, yName);
        ChartArgs.SameLength(ys.Length, xs.Length, yName, nameof(x));
        return (xs, ys);
    }

    private static string? Name(string? name) => ChartArgs.Label(name, nameof(name));

    private static string? Color(string? color)
    {
        if (color is not null && string.IsNullOrWhiteSpace(color))
            throw new ArgumentException("color is blank; give a CSS colour such as \"#EE6677\" or \"crimson\", or leave it out.", nameof(color));
        return color;
    }

    private static string[] Numbered(int count) =>
        Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>A number for display: invariant culture, and a true minus sign (−) as on plotly.js's axes.</summary>
    private static string FormatValue(double value, string format, string paramName)
    {
        try { return value.ToString(format, CultureInfo.InvariantCulture).Replace('-', '−'); }
        catch (FormatException)
        {
            throw new ArgumentException($"{paramName} \"{format}\" is not a .NET number format; try \"0.00\" or \"0.###\".", paramName);
        }
    }

    private static void RequireSameShape(Figure first, Figure other, string firstLabel, string otherLabel)
    {
        string Describe(Figure f) => string.Join(" | ", f.Panels.Select(p => string.Join(", ", p.Traces.Select(t => t.Kind))));
        if (Describe(first) != Describe(other))
            throw new ArgumentException(
                $"figureAt({otherLabel}) draws [{Describe(other)}] but figureAt({firstLabel}) draws [{Describe(first)}]; " +
                "every frame needs the same panels and traces in the same order (only their data may change).", "figureAt");
    }
}
