namespace NotebookRunner.Engine;

/// <summary>Something a cell produced, in the order it happened.</summary>
public abstract record CellOutput;

/// <summary>Text written to the console while the cell ran; consecutive writes to one stream are merged.</summary>
/// <param name="StreamName">"stdout" or "stderr".</param>
/// <param name="Text">The text as written, newlines included.</param>
public sealed record StreamOutput(string StreamName, string Text) : CellOutput;

/// <summary>
/// A value shown by <c>display(...)</c> or as the cell's trailing expression, formatted as a mime bundle
/// (e.g. text/html and text/plain versions of the same value).
/// </summary>
/// <param name="Data">Mime type → formatted text, in the order the formats were produced.</param>
/// <param name="IsResult">True for the trailing expression's value (Jupyter's execute_result), false for display(...).</param>
public sealed record DisplayOutput(IReadOnlyList<KeyValuePair<string, string>> Data, bool IsResult) : CellOutput
{
    /// <summary>The text for <paramref name="mimeType"/>, or null when the bundle has no such format.</summary>
    public string? this[string mimeType] =>
        Data.FirstOrDefault(d => d.Key == mimeType) is { Key: not null } pair ? pair.Value : null;

    /// <summary>The mime types in the bundle.</summary>
    public IEnumerable<string> MimeTypes => Data.Select(d => d.Key);
}

/// <summary>The error that stopped a cell: compile error, exception or timeout.</summary>
/// <param name="Name">Short kind of error, e.g. "CompilationError", "InvalidOperationException", "Timeout".</param>
/// <param name="Message">What went wrong, readable on its own.</param>
/// <param name="Traceback">Extra lines (stack frames or other diagnostics), possibly empty.</param>
public sealed record ErrorOutput(string Name, string Message, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>Where and why a notebook stopped.</summary>
/// <param name="NotebookPath">Full path of the notebook.</param>
/// <param name="CellNumber">1-based cell number, counting every cell of the notebook.</param>
/// <param name="Line">1-based line within the cell, or null when no line is known.</param>
/// <param name="Message">The error, e.g. "CS0103: The name 'x' does not exist in the current context".</param>
public sealed record CellFailure(string NotebookPath, int CellNumber, int? Line, string Message)
{
    /// <summary>
    /// <c>file: cell N, line L: message</c>, the file shown relative to <paramref name="baseDirectory"/> when it lies
    /// below it (in full when <paramref name="baseDirectory"/> is null).
    /// </summary>
    public string Describe(string? baseDirectory = null)
    {
        var file = baseDirectory is null ? NotebookPath : NotebookFiles.Display(NotebookPath, baseDirectory);
        var where = Line is null ? $"cell {CellNumber}" : $"cell {CellNumber}, line {Line}";
        return $"{file}: {where}: {Message}";
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();
}

/// <summary>What one cell did.</summary>
/// <param name="Cell">The cell that ran (markdown cells have no outputs).</param>
/// <param name="Outputs">Outputs in order; a failed cell ends with an <see cref="ErrorOutput"/>.</param>
/// <param name="Elapsed">Wall time spent on the cell, compilation included.</param>
/// <param name="Failure">Why the cell failed, or null when it succeeded.</param>
public sealed record CellResult(Cell Cell, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed, CellFailure? Failure)
{
    /// <summary>True when the cell ran without error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The compiler's warnings for the cell, each as <c>line L: CSnnnn: message</c>.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>What a whole notebook run did. Cells after a failing cell are not run and have no result.</summary>
/// <param name="Notebook">The notebook.</param>
/// <param name="Cells">One result per cell that was reached, in order (markdown cells included).</param>
/// <param name="Elapsed">Wall time for the whole notebook.</param>
public sealed record NotebookResult(Notebook Notebook, IReadOnlyList<CellResult> Cells, TimeSpan Elapsed)
{
    /// <summary>The first failure, or null when every cell ran.</summary>
    public CellFailure? Failure => Cells.Select(c => c.Failure).FirstOrDefault(f => f is not null);

    /// <summary>True when every cell ran without error.</summary>
    public bool Succeeded => Failure is null && Cells.Count == Notebook.Cells.Count;

    /// <summary>How long the kernel took to start (before the first cell ran).</summary>
    public TimeSpan KernelStart { get; init; }

    /// <summary>The kernel process's peak resident memory, in bytes, when known.</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>The compiler's warnings over all cells that ran, each as <c>cell N, line L: CSnnnn: message</c>.</summary>
    public IEnumerable<string> Warnings => Cells.SelectMany(c => c.Warnings.Select(w => $"cell {c.Cell.Number}, {w}"));

    /// <summary>The result for cell <paramref name="number"/> (1-based), or null when it was not reached.</summary>
    public CellResult? this[int number] => Cells.FirstOrDefault(c => c.Cell.Number == number);
}

/// <summary>One notebook of a batch: read and run, or why it could not be read.</summary>
/// <param name="Path">Full path of the notebook file.</param>
/// <param name="Notebook">The notebook, or null when the file could not be read.</param>
/// <param name="Result">What the run did, or null when the file could not be read.</param>
/// <param name="FormatError">Why the file could not be read, or null.</param>
public sealed record NotebookRun(string Path, Notebook? Notebook, NotebookResult? Result, string? FormatError);
