using System.Diagnostics;
using NotebookRunner.Engine;

namespace NotebookRunner.Export;

/// <summary>Where and how to export.</summary>
/// <param name="OutputDirectory">Receives notebooks/&lt;folder&gt;/&lt;name&gt;.ipynb and site/.</param>
/// <param name="Session">Settings for running each notebook.</param>
/// <param name="PlotlyFile">
/// The plotly.min.js copied into the site for pages that draw charts (<c>export --plotly FILE</c>; the course's
/// default is the library's pinned copy, lib/InfoTheory/Charts/plotly.min.js). Needed only when a page draws charts.
/// </param>
public sealed record ExportOptions(string OutputDirectory, SessionOptions Session, string? PlotlyFile = null)
{
    /// <summary>Called before each cell runs: the notebook path, the cell, and the notebook's cell count.</summary>
    public Action<string, Cell, int>? OnCellStarting { get; init; }

    /// <summary>Called when a notebook has run and its .ipynb is written.</summary>
    public Action<ExportedNotebook>? OnNotebookDone { get; init; }

    /// <summary>The course's plotly file under <paramref name="repositoryRoot"/>: the library's pinned copy.</summary>
    public static string CoursePlotlyFile(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "lib", "InfoTheory", "Charts", "plotly.min.js");
}

/// <summary>What an export did.</summary>
/// <param name="Notebooks">Every notebook, in the order given.</param>
/// <param name="Elapsed">Wall time of the whole export.</param>
public sealed record ExportSummary(IReadOnlyList<ExportedNotebook> Notebooks, TimeSpan Elapsed)
{
    /// <summary>Cells that ran, over all notebooks.</summary>
    public int CellsRun => Notebooks.Sum(n => n.Result?.Cells.Count ?? 0);

    /// <summary>The notebooks that failed to parse or run.</summary>
    public IReadOnlyList<ExportedNotebook> Failures => Notebooks.Where(n => n.Failed).ToArray();
}

/// <summary>
/// Runs every notebook, then writes each as an executed .ipynb and builds the static site. A failing notebook
/// does not stop the export: its .ipynb and page show the error under the failing cell.
/// </summary>
public static class CourseExporter
{
    /// <summary>The file that marks a folder as written by this exporter (so it may be cleaned and rewritten).</summary>
    public const string MarkerFile = ".written-by-notebook-runner";

    /// <summary>Exports <paramref name="notebookPaths"/> (full paths of .dib files, in course order).</summary>
    /// <exception cref="InvalidOperationException">The output folder is not safe to write into.</exception>
    public static async Task<ExportSummary> ExportAsync(IReadOnlyList<string> notebookPaths, ExportOptions options)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        CheckOutputFolder(output, notebookPaths);
        PrepareOutputFolder(output);

        var clock = Stopwatch.StartNew();
        var exported = new List<ExportedNotebook>();
        await NotebookSession.RunManyAsync(notebookPaths, options.Session, onDone: run =>
        {
            var notebook = new ExportedNotebook(run.Path, run.Notebook, run.Result, run.FormatError);
            exported.Add(notebook);
            if (notebook.Notebook is not null)
            {
                var ipynb = Path.Combine(output, "notebooks", notebook.Folder, notebook.Name + ".ipynb");
                Directory.CreateDirectory(Path.GetDirectoryName(ipynb)!);
                File.WriteAllText(ipynb, IpynbWriter.ToJson(notebook.Notebook, notebook.Result, ipynb));
            }
            options.OnNotebookDone?.Invoke(notebook);
        }, onCellStarting: (notebook, cell) => options.OnCellStarting?.Invoke(notebook.Path, cell, notebook.Cells.Count));

        SiteBuilder.Write(Path.Combine(output, "site"), exported, options.PlotlyFile);
        return new ExportSummary(exported, clock.Elapsed);
    }

    /// <summary>
    /// The export must never write into (or clean) a folder holding notebooks: neither the folders of the inputs
    /// nor the course folders beside them (notebooks/, exercises/, solutions/).
    /// </summary>
    private static void CheckOutputFolder(string output, IEnumerable<string> notebookPaths)
    {
        var inputFolders = notebookPaths.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Distinct().ToArray();
        var courseFolders = inputFolders.Select(f => Path.GetDirectoryName(f))
            .Where(parent => parent is not null)
            .SelectMany(parent => NotebookFiles.DefaultFolders.Select(d => Path.Combine(parent!, d)));
        foreach (var folder in inputFolders.Concat(courseFolders).Distinct())
        {
            if (IsSameOrInside(output, folder) || IsSameOrInside(folder, output))
                throw new InvalidOperationException(
                    $"The output folder {output} overlaps the notebook folder {folder}; choose another --out.");
        }
    }

    /// <summary>
    /// A fresh output folder gets the marker; one with the marker loses its old site/ and notebooks/; a non-empty
    /// folder without the marker is refused, so nothing that the exporter did not write is ever deleted.
    /// </summary>
    private static void PrepareOutputFolder(string output)
    {
        var marker = Path.Combine(output, MarkerFile);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !File.Exists(marker))
            throw new InvalidOperationException(
                $"{output} is not empty and was not written by an export; choose an empty or new folder with --out.");
        foreach (var generated in new[] { "site", "notebooks" }.Select(d => Path.Combine(output, d)))
            if (Directory.Exists(generated)) Directory.Delete(generated, recursive: true);
        Directory.CreateDirectory(output);
        File.WriteAllText(marker, "Written by `NotebookRunner export`; the whole folder is regenerated on each export.\n");
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
