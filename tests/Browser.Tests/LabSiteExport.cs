using NotebookRunner;
using NotebookRunner.Engine;
using NotebookRunner.Export;
using CourseCli;
using Xunit;

namespace Browser.Tests;

/// <summary>
/// Exports two notebooks of the real course (lesson 02, which draws charts with a slider and links to the lab, and
/// exercises 01, whose checks the page can judge), publishes the lab into the site with
/// <see cref="LabSite.Publish"/>, and serves the site on 127.0.0.1.
/// </summary>
public sealed class LabSiteExport : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "lab-site-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The repository the tests run in.</summary>
    public string Repository { get; } = NotebookFiles.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the tests inside the repository.");

    /// <summary>The exported site's folder.</summary>
    public string SiteDirectory => Path.Combine(_output, "site");

    /// <summary>The server of <see cref="SiteDirectory"/>.</summary>
    public SiteServer Server { get; private set; } = null!;

    /// <summary>Wall time of <see cref="LabSite.Publish"/> (the lab's dotnet publish, unless its last build was current).</summary>
    public TimeSpan PublishTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (BrowserFixture.SkipReason is not null) return; // every test here is skipped
        var notebooks = new[] { "notebooks/02-entropy.dib", "exercises/01-surprisal.dib" }.Select(p => Path.Combine(Repository, p)).ToArray();
        var summary = await CourseExporter.ExportAsync(notebooks, new ExportOptions(_output, new SessionOptions(), ExportOptions.CoursePlotlyFile(Repository)));
        Assert.True(summary.Failures.Count == 0, string.Join("\n", summary.Failures.Select(f => f.FailureMessage)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        LabSite.Publish(Repository, SiteDirectory, Console.WriteLine);
        PublishTime = clock.Elapsed;
        Server = new SiteServer(SiteDirectory);
    }

    public Task DisposeAsync()
    {
        Server?.Dispose();
        try { Directory.Delete(_output, recursive: true); }
        catch (IOException) { }
        return Task.CompletedTask;
    }
}
