using System.Diagnostics;
using NotebookRunner.Engine;

namespace NotebookRunner;

/// <summary>
/// Shows which cell is running on stderr: a line rewritten in place on a terminal; when stderr is redirected,
/// a line now and then for notebooks that run long.
/// </summary>
internal sealed class Progress
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(10);
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceLastLine = new();
    private string _label = "";
    private bool _lineOpen;

    /// <summary>Starts reporting for a notebook.</summary>
    public void Start(string label)
    {
        _label = label;
        _sinceLastLine.Restart();
    }

    /// <summary>Reports that <paramref name="cell"/> of <paramref name="total"/> cells is starting.</summary>
    public void CellStarting(Cell cell, int total)
    {
        if (_interactive)
        {
            Console.Error.Write($"\r\u001b[K  {_label}: cell {cell.Number}/{total}");
            _lineOpen = true;
        }
        else if (_sinceLastLine.Elapsed > QuietPeriod)
        {
            Console.Error.WriteLine($"  {_label}: cell {cell.Number}/{total}…");
            _sinceLastLine.Restart();
        }
    }

    /// <summary>
    /// Loads and runs one notebook while showing which cell is running, and clears the progress line afterwards.
    /// A malformed file throws <see cref="NotebookFormatException"/>.
    /// </summary>
    public NotebookResult Run(string path, SessionOptions options)
    {
        try
        {
            var notebook = NotebookDocument.Load(path);
            Start(NotebookFiles.Display(path));
            return NotebookSession.RunAsync(notebook, options, cell => CellStarting(cell, notebook.Cells.Count))
                .GetAwaiter().GetResult();
        }
        finally
        {
            Clear();
        }
    }

    /// <summary>Clears the in-place line before normal output is printed.</summary>
    public void Clear()
    {
        if (!_lineOpen) return;
        Console.Error.Write("\r\u001b[K");
        _lineOpen = false;
    }
}
