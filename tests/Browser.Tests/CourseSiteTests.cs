using NotebookRunner.Engine;
using NotebookRunner.Export;
using Xunit;

namespace Browser.Tests;

/// <summary>Exports the repository's own course once (every notebook) into a temporary folder.</summary>
public sealed class CourseSite : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "course-site-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The exported site's folder.</summary>
    public string SiteDirectory => Path.Combine(_output, "site");

    /// <summary>Every page of the site, index first.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    /// <summary>How many notebooks the repository has (lessons, exercises and solutions).</summary>
    public int NotebookCount { get; private set; }

    public async Task InitializeAsync()
    {
        if (BrowserFixture.SkipReason is not null) return; // every test here is skipped, so export nothing
        var repository = NotebookFiles.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run the tests inside the repository.");
        var notebooks = NotebookFiles.DefaultNotebooks(repository);
        NotebookCount = notebooks.Count;
        var summary = await CourseExporter.ExportAsync(notebooks,
            new ExportOptions(_output, new SessionOptions(), ExportOptions.CoursePlotlyFile(repository)));
        Assert.True(summary.Failures.Count == 0, string.Join("\n", summary.Failures.Select(f => f.FailureMessage)));
        Pages = [Path.Combine(SiteDirectory, "index.html"), .. summary.Notebooks.Select(n => Path.Combine(SiteDirectory, n.PagePath))];
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_output, recursive: true); }
        catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>
/// The real course as a reader gets it: every page of the exported site, in headless Chromium and offline, loads
/// without errors, draws every chart, shows no raw TeX, and links only to pages that exist. Screenshots of the
/// index and two lessons land in browser-artifacts/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CourseSiteTests(BrowserFixture browser, CourseSite site) : IClassFixture<CourseSite>
{
    [BrowserFact]
    public async Task Every_page_of_the_course_reads_cleanly()
    {
        Assert.True(site.NotebookCount >= 33, $"the course has 11 lessons with exercises and solutions, found {site.NotebookCount} notebooks");
        Assert.Equal(1 + site.NotebookCount, site.Pages.Count);
        foreach (var path in site.Pages) await SiteChecks.AssertPageReadsCleanly(browser, path);
    }

    [BrowserFact]
    public async Task Every_link_of_the_course_resolves() => await SiteChecks.AssertLinksResolve(browser, site.Pages, minimumLinks: 100);

    [BrowserFact]
    public async Task Screenshots_of_the_course_index_and_two_lessons()
    {
        foreach (var (page, name) in new[]
                 {
                     ("index.html", "course-index.png"),
                     ("notebooks/02-entropy.html", "course-02-entropy.png"),
                     ("notebooks/09-prediction-is-compression.html", "course-09-prediction-is-compression.png"),
                 })
        {
            await using var opened = await browser.OpenAsync(Path.Combine(site.SiteDirectory, page), width: 1280);
            await opened.WaitForChartsAsync();
            Assert.True(File.Exists(await opened.ScreenshotAsync(name)));
            opened.AssertClean();
        }
    }
}
