namespace InfoTheory.Charts;

/// <summary>
/// Small greyscale pictures side by side in a grid (plotly "heatmap" with square pixels and no axes).
/// Intensity 0 is drawn white and 1 black, as ink on paper.
/// </summary>
public sealed record ImageTrace : Trace
{
    /// <summary>Each picture as Width × Height intensities in [0, 1], row-major.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Images { get; internal init; } = [];
    /// <summary>Pixels per row of each picture.</summary>
    public int Width { get; internal init; }
    /// <summary>Rows of each picture.</summary>
    public int Height { get; internal init; }
    /// <summary>Pictures per row of the grid.</summary>
    public int Columns { get; internal init; }
    /// <summary>A caption per picture, shown when the pointer rests on it, or null.</summary>
    public IReadOnlyList<string>? Captions { get; internal init; }

    public override string Kind => "images";

    /// <summary>
    /// The whole grid as one table of intensities, a blank (null) row and column of pixels between pictures:
    /// row r of the table holds pixel row r mod (Height + 1) of the pictures in grid row r / (Height + 1).
    /// </summary>
    internal double?[][] Tiled(out string?[][]? captions)
    {
        int gridRows = (Images.Count + Columns - 1) / Columns;
        var table = new double?[gridRows * (Height + 1) - 1][];
        captions = Captions is null ? null : new string?[table.Length][];
        for (int r = 0; r < table.Length; r++)
        {
            table[r] = new double?[Columns * (Width + 1) - 1];
            if (captions is not null) captions[r] = new string?[table[r].Length];
        }
        for (int k = 0; k < Images.Count; k++)
        {
            int top = k / Columns * (Height + 1), left = k % Columns * (Width + 1);
            for (int y = 0; y < Height; y++)
                for (int x = 0; x < Width; x++)
                {
                    table[top + y][left + x] = Images[k][y * Width + x];
                    if (captions is not null) captions[top + y][left + x] = Captions![k];
                }
        }
        return table;
    }
}

public static partial class Chart
{
    /// <summary>
    /// Pictures in a grid, <paramref name="columns"/> per row, each <paramref name="width"/> pixels wide
    /// (the height follows from the length). Intensities must lie in [0, 1]; 0 is white, 1 black.
    /// <paramref name="captions"/> (one per picture) appear on hover.
    /// <code>
    /// Chart.Images(test.Images.Take(20), width: 28, columns: 10).WithTitle("Fashion-MNIST")
    /// </code>
    /// </summary>
    public static Figure Images(IEnumerable<IReadOnlyList<double>> images, int width, int columns = 10,
        IEnumerable<string>? captions = null)
    {
        var pictures = ChartArgs.NonEmpty(images, nameof(images));
        if (width < 1) throw new ArgumentException($"width must be at least 1 pixel, not {width}.", nameof(width));
        if (columns < 1) throw new ArgumentException($"columns must be at least 1, not {columns}.", nameof(columns));
        for (int k = 0; k < pictures.Length; k++)
        {
            if (pictures[k] is null) throw new ArgumentException($"images[{k}] is null.", nameof(images));
            if (pictures[k].Count != pictures[0].Count)
                throw new ArgumentException($"images[{k}] has {pictures[k].Count} pixels but images[0] has {pictures[0].Count}; every picture needs the same size.", nameof(images));
            for (int p = 0; p < pictures[k].Count; p++)
                if (!(pictures[k][p] >= 0 && pictures[k][p] <= 1))
                    throw new ArgumentException($"images[{k}][{p}] is {ChartArgs.Format(pictures[k][p])}; intensities must lie in [0, 1] (divide bytes by 255).", nameof(images));
        }
        if (pictures[0].Count % width != 0)
            throw new ArgumentException($"A picture has {pictures[0].Count} pixels, which is not a whole number of rows of width {width}.", nameof(width));
        return One(new ImageTrace
        {
            Images = pictures, Width = width, Height = pictures[0].Count / width, Columns = Math.Min(columns, pictures.Length),
            Captions = ChartArgs.Optional(captions, pictures.Length, nameof(captions), nameof(images)),
        });
    }
}
