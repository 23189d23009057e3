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
    public static int Execute(string[] args)
    {
        IReadOnlyList<string> notebooks;
        ExportOptions options;
        string? labRoot = null;   // the repository whose lab joins the site: only when the whole course is exported
        var progress = new Progress();
        try
        {
            var commandLine = CommandLine.Parse(args, "out", "timeout", "plotly");
            var session = commandLine.Session();
            notebooks = commandLine.Notebooks();
            var root = NotebookFiles.FindRepositoryRoot();
            var output = commandLine.Options.TryGetValue("out", out var given) ? given
                : root is not null ? Path.Combine(root, "out")
                : throw new ArgumentException($"no {NotebookFiles.SolutionFile} found above the working directory; give --out DIR.");
            if (commandLine.Paths.Count == 0 && root is not null && Directory.Exists(Path.Combine(root, "tools", "Lab"))) labRoot = root;
            var plotly = commandLine.Options.TryGetValue("plotly", out var plotlyGiven) ? Path.GetFullPath(plotlyGiven)
                : root is null ? null : ExportOptions.CoursePlotlyFile(root);
            string? current = null;
            options = new ExportOptions(output, session, plotly)
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
            return 2;
        }
        if (notebooks.Count == 0)
        {
            Console.WriteLine("export: no notebooks found.");
            return 0;
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
            return 2;
        }

        var labFailure = labRoot is null ? null : PublishLab(labRoot, Path.Combine(options.OutputDirectory, "site"));

        var failures = summary.Failures;
        Console.WriteLine($"{summary.Notebooks.Count} notebooks, {summary.CellsRun} cells run, {failures.Count} failed, " +
                          $"{RunCommand.Seconds(summary.Elapsed)}; wrote {NotebookFiles.Display(Path.GetFullPath(options.OutputDirectory))}/" +
                          "{notebooks,site}");
        foreach (var failure in failures) Console.Error.WriteLine(failure.FailureMessage);
        if (labFailure is not null) Console.Error.WriteLine($"export: the lab was not published: {labFailure}");
        return failures.Count == 0 && labFailure is null ? 0 : 1;
    }

    /// <summary>Adds the lab (tools/Lab in WebAssembly) to the site; returns why it failed, or null.</summary>
    private static string? PublishLab(string root, string site)
    {
        try
        {
            LabSite.Publish(root, site, Console.WriteLine);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            return e.Message;
        }
    }

    private static string Line(ExportedNotebook notebook) =>
        $"{(notebook.Failed ? "FAIL" : "ok  ")}  {NotebookFiles.Display(notebook.SourcePath),-48} " +
        $"{notebook.Notebook?.Cells.Count ?? 0,4} cells  {RunCommand.Seconds(notebook.Result?.Elapsed ?? TimeSpan.Zero),8}";
}
