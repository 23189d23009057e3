using NotebookRunner.Engine;
using NotebookRunner.Export;

namespace NotebookRunner;

/// <summary>
/// <c>export [paths...] [--out DIR] [--timeout SECONDS] [--plotly FILE]</c>: runs every notebook and writes executed .ipynb files
/// (DIR/notebooks/&lt;folder&gt;/&lt;name&gt;.ipynb) and the static site (DIR/site/). DIR defaults to out/ at the
/// repository root. Exit code 1 when a notebook failed (everything else is still written).
/// </summary>
internal static class ExportCommand
{
    /// <summary>Exports the notebooks at <paramref name="paths"/> (default: the whole course) into <paramref name="outputFolder"/>.</summary>
    /// <param name="paths">.dib files or folders; empty for the course's default folders.</param>
    /// <param name="outputFolder">--out, or null for out/ at the repository root.</param>
    /// <param name="timeoutSeconds">--timeout, or null for the default.</param>
    /// <param name="extendSite">
    /// Called with the written site's folder, to add to it (the course's CLI publishes its lab there); returns why it
    /// failed, or null. Null for a plain export.
    /// </param>
    /// <param name="plotlyFile">--plotly, or null for the course's pinned copy.</param>
    public static int Execute(IReadOnlyList<string> paths, string? outputFolder, double? timeoutSeconds,
        Func<string, string?>? extendSite = null, string? plotlyFile = null)
    {
        IReadOnlyList<string> notebooks;
        ExportOptions options;
        var progress = new Progress();
        try
        {
            notebooks = CommandLine.Notebooks(paths);
            var root = NotebookFiles.FindRepositoryRoot();
            var output = outputFolder
                ?? (root is not null ? Path.Combine(root, "out")
                : throw new ArgumentException($"no {NotebookFiles.SolutionFile} found above the working directory; give --out DIR."));
            if (File.Exists(output))
                throw new ArgumentException($"--out '{output}' is a file, not a folder; give a new or empty folder (or one an export wrote).");
            var plotly = plotlyFile is not null ? Path.GetFullPath(plotlyFile)
                : root is null ? null : ExportOptions.CoursePlotlyFile(root);
            string? current = null;
            options = new ExportOptions(output, CommandLine.Session(timeoutSeconds), plotly)
            {
                OnCellStarting = (path, cell, total) =>
                {
                    if (path != current) progress.Start(NotebookFiles.Display(current = path));
                    progress.CellStarting(cell, total);
                },
                OnNotebookDone = notebook =>
                {
                    progress.Clear();
                    Console.WriteLine(Line(notebook));
                },
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"export: {e.Message}");
            return CommandLine.UsageError;
        }

        ExportSummary summary;
        try
        {
            summary = CourseExporter.ExportAsync(notebooks, options).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException e)
        {
            progress.Clear();
            Console.Error.WriteLine($"export: {e.Message}");
            return CommandLine.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress.Clear();
            Console.Error.WriteLine($"export: cannot write into '{options.OutputDirectory}': {e.Message}");
            return 1;
        }

        var extensionFailure = extendSite?.Invoke(Path.Combine(options.OutputDirectory, "site"));

        var failures = summary.Failures;
        Console.WriteLine($"{summary.Notebooks.Count} notebooks, {summary.CellsRun} cells run, {failures.Count} failed, " +
                          $"{RunCommand.Seconds(summary.Elapsed)}; wrote {NotebookFiles.Display(Path.GetFullPath(options.OutputDirectory))}/" +
                          "{notebooks,site}");
        foreach (var failure in failures) Console.Error.WriteLine(failure.FailureMessage);
        if (extensionFailure is not null) Console.Error.WriteLine($"export: {extensionFailure}");
        return failures.Count == 0 && extensionFailure is null ? 0 : 1;
    }

    private static string Line(ExportedNotebook notebook) =>
        $"{(notebook.Failed ? "FAIL" : "ok  ")}  {NotebookFiles.Display(notebook.SourcePath),-48} " +
        $"{notebook.Notebook?.Cells.Count ?? 0,4} cells  {RunCommand.Seconds(notebook.Result?.Elapsed ?? TimeSpan.Zero),8}";
}
