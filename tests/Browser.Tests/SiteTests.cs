using Microsoft.Playwright;
using Xunit;

namespace Browser.Tests;

/// <summary>
/// The exported site in headless Chromium, offline: every page loads cleanly, every chart draws, math is typeset
/// (no raw TeX left in the text), and every link between pages resolves. Screenshots of the index and two pages
/// land in browser-artifacts/ under the test output directory.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteTests(BrowserFixture browser, SiteExport site) : IClassFixture<SiteExport>
{
    [BrowserFact]
    public async Task Every_page_loads_offline_without_errors_and_typesets_its_math()
    {
        foreach (var path in site.Pages) await SiteChecks.AssertPageReadsCleanly(browser, path);
    }

    [BrowserFact]
    public async Task Every_chart_draws_with_the_sites_own_plotly()
    {
        var path = Path.Combine(site.SiteDirectory, "notebooks", "03-charts.html");
        var html = File.ReadAllText(path);
        Assert.DoesNotContain("<script data-itn-plotly", html);
        Assert.Contains("<script src=\"../assets/plotly.min.js\"></script>", html);

        await using var page = await browser.OpenAsync(path, width: 1280);
        await page.WaitForChartsAsync();

        Assert.Equal(2, await page.Page.Locator(".itn-figure").CountAsync());
        Assert.Equal(2, await page.Page.Locator(".itn-figure:has(.main-svg)").CountAsync());
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Every_link_between_pages_resolves() => await SiteChecks.AssertLinksResolve(browser, site.Pages, minimumLinks: 20);

    [BrowserFact]
    public async Task Screenshots_of_the_index_and_two_lessons()
    {
        foreach (var (page, name, width) in new[]
                 {
                     ("index.html", "site-index.png", 1280),
                     ("notebooks/03-charts.html", "site-lesson-charts.png", 1280),
                     ("notebooks/01-surprisal.html", "site-lesson-surprisal-laptop.png", 1024),
                 })
        {
            await using var opened = await browser.OpenAsync(Path.Combine(site.SiteDirectory, page), width: width);
            await opened.WaitForChartsAsync();
            Assert.True(File.Exists(await opened.ScreenshotAsync(name)));
            opened.AssertClean();
        }
    }
}
