using NotebookRunner.Engine;
using NotebookRunner.Export;
using Xunit;

namespace Browser.Tests;

/// <summary>
/// Exports a small course once for the site tests: the runner's fixture course (copied from
/// tests/Notebooks.Tests/Fixtures/course) plus a lesson that draws two charts with the library, laid out like the
/// repository (solution marker, lib/InfoTheory/bin/InfoTheory.dll) in a temporary folder.
/// </summary>
public sealed class SiteExport : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-tests-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The exported site's folder (index.html, notebooks/, exercises/, solutions/, assets/).</summary>
    public string SiteDirectory => Path.Combine(_root, "out", "site");

    /// <summary>What the export reported.</summary>
    public ExportSummary Summary { get; private set; } = null!;

    /// <summary>Every page of the site, index first.</summary>
    public IReadOnlyList<string> Pages =>
        [Path.Combine(SiteDirectory, "index.html"), .. Summary.Notebooks.Select(n => Path.Combine(SiteDirectory, n.PagePath))];

    public async Task InitializeAsync()
    {
        if (BrowserFixture.SkipReason is not null) return; // every site test is skipped, so export nothing
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "course");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        Write(NotebookFiles.SolutionFile, "");
        Write("notebooks/03-charts.dib", ChartsLesson);
        var repository = NotebookFiles.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the tests inside the repository.");
        Directory.CreateDirectory(Path.Combine(_root, "lib", "InfoTheory", "bin"));
        File.Copy(Path.Combine(repository, "lib", "InfoTheory", "bin", "InfoTheory.dll"),
            Path.Combine(_root, "lib", "InfoTheory", "bin", "InfoTheory.dll"));

        Summary = await CourseExporter.ExportAsync(NotebookFiles.DefaultNotebooks(_root),
            new ExportOptions(Path.Combine(_root, "out"), new SessionOptions(), ExportOptions.CoursePlotlyFile(repository)));
        Assert.True(Summary.Failures.Count == 0, string.Join("\n", Summary.Failures.Select(f => f.FailureMessage)));
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        return Task.CompletedTask;
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string ChartsLesson = """
        #!meta

        {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

        #!markdown

        # 03 · Charts (fixture)

        Two figures drawn by the course library, and math after them: $H(p) = \sum_i p_i \log_2 \frac{1}{p_i}$.

        #!csharp

        var libraryDll = System.IO.Path.GetFullPath("../lib/InfoTheory/bin/InfoTheory.dll");
        System.IO.File.Exists(libraryDll)

        #!csharp

        #r "../lib/InfoTheory/bin/InfoTheory.dll"
        using InfoTheory.Charts;

        #!csharp

        Chart.Function(p => -Math.Log2(p), 0.01, 1, name: "surprisal")

        #!markdown

        $$
        \frac{1}{2} \log_2 2 + \frac{1}{2} \log_2 2 = 1
        $$

        #!csharp

        Chart.Bar(new[] { "a", "b", "c" }, new[] { 0.5, 0.25, 0.25 })

        #!markdown

        Back to [the first lesson](01-surprisal.dib) or on to the [exercises](../exercises/01-surprisal.dib).
        """;
}
