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
    // Text a reader sees: the page without KaTeX's hidden MathML copy, code, and scripts.
    private const string VisibleProse = """
        () => {
          const main = document.querySelector('main').cloneNode(true);
          main.querySelectorAll('.katex-mathml, pre, code, script, style').forEach(e => e.remove());
          return main.textContent;
        }
        """;

    private const string AllFiguresDrawn = """
        () => [...document.querySelectorAll('.itn-figure')].every(f => f.querySelector('.main-svg'))
        """;

    [BrowserFact]
    public async Task Every_page_loads_offline_without_errors_and_typesets_its_math()
    {
        foreach (var path in site.Pages)
        {
            await using var page = await browser.OpenAsync(path, width: 1280);
            var prose = await page.Page.EvaluateAsync<string>(VisibleProse);

            Assert.DoesNotContain("$$", prose);
            Assert.DoesNotContain(@"\frac", prose);
            Assert.DoesNotContain(@"\(", prose);
            Assert.DoesNotContain(@"\[", prose);
            if (File.ReadAllText(path).Contains("class=\"math\"", StringComparison.Ordinal))
                Assert.True(await page.Page.Locator(".katex").CountAsync() > 0, $"{path}: math was not typeset");
            page.AssertClean();
        }
    }

    [BrowserFact]
    public async Task Every_chart_draws_with_the_sites_own_plotly()
    {
        var path = Path.Combine(site.SiteDirectory, "notebooks", "03-charts.html");
        var html = File.ReadAllText(path);
        Assert.DoesNotContain("<script data-itn-plotly", html);
        Assert.Contains("<script src=\"../assets/plotly.min.js\"></script>", html);

        await using var page = await browser.OpenAsync(path, width: 1280);
        await page.Page.WaitForFunctionAsync(AllFiguresDrawn, null, new PageWaitForFunctionOptions { Timeout = 20000 });

        Assert.Equal(2, await page.Page.Locator(".itn-figure").CountAsync());
        Assert.Equal(2, await page.Page.Locator(".itn-figure:has(.main-svg)").CountAsync());
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Every_link_between_pages_resolves()
    {
        var checkedLinks = 0;
        foreach (var path in site.Pages)
        {
            await using var page = await browser.OpenAsync(path);
            var hrefs = await page.Page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
            foreach (var href in hrefs.Where(h => h.StartsWith("file:", StringComparison.Ordinal)))
            {
                var target = new Uri(href);
                Assert.True(File.Exists(target.LocalPath), $"{path} links to missing {target.LocalPath}");
                if (target.Fragment.Length > 1)
                    Assert.Contains($"id=\"{Uri.UnescapeDataString(target.Fragment[1..])}\"", File.ReadAllText(target.LocalPath));
                checkedLinks++;
            }
            Assert.DoesNotContain(hrefs, h => h.EndsWith(".dib", StringComparison.Ordinal));
        }
        Assert.True(checkedLinks > 20, $"only {checkedLinks} links checked");
    }

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
            await opened.Page.WaitForFunctionAsync(AllFiguresDrawn, null, new PageWaitForFunctionOptions { Timeout = 20000 });
            Assert.True(File.Exists(await opened.ScreenshotAsync(name)));
            opened.AssertClean();
        }
    }
}
