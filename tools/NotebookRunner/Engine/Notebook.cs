namespace NotebookRunner.Engine;

/// <summary>The two kinds of cell a course notebook may contain.</summary>
public enum CellKind
{
    /// <summary>C# code, run as a Roslyn script submission.</summary>
    CSharp,

    /// <summary>Markdown prose (with $…$ math), never run.</summary>
    Markdown,
}

/// <summary>
/// One cell of a notebook, as the kernel sees it after splitting the file.
/// </summary>
/// <param name="Number">1-based position among all cells of the notebook (markdown included).</param>
/// <param name="Kind">C# or markdown.</param>
/// <param name="Source">The cell's text, lines joined with '\n', leading and trailing empty lines removed.</param>
/// <param name="StartLine">1-based line in the .dib file of the first line of <paramref name="Source"/>.</param>
public sealed record Cell(int Number, CellKind Kind, string Source, int StartLine)
{
    /// <summary>Number of lines in <see cref="Source"/>.</summary>
    public int LineCount => Source.Split('\n').Length;

    /// <summary>The line in the .dib file that holds line <paramref name="lineInCell"/> (1-based) of this cell.</summary>
    public int FileLine(int lineInCell) => StartLine + lineInCell - 1;
}

/// <summary>A parsed .dib file: its cells in order and the raw JSON of its <c>#!meta</c> block, if any.</summary>
/// <param name="Path">Full path of the .dib file.</param>
/// <param name="Cells">Every non-empty cell, in file order.</param>
/// <param name="MetadataJson">The JSON text after <c>#!meta</c>, or null when the file has none.</param>
public sealed record Notebook(string Path, IReadOnlyList<Cell> Cells, string? MetadataJson)
{
    /// <summary>File name without the folder, e.g. <c>01-surprisal.dib</c>.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The folder holding the notebook: relative paths in its cells start here.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The C# cells only.</summary>
    public IEnumerable<Cell> CodeCells => Cells.Where(c => c.Kind == CellKind.CSharp);
}
