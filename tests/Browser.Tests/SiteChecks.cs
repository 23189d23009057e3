using Microsoft.Playwright;
using Xunit;

namespace Browser.Tests;

/// <summary>What every exported page must do in the browser; shared by the fixture-course and real-course tests.</summary>
internal static class SiteChecks
{
    /// <summary>Text a reader sees: the page without KaTeX's hidden MathML copy, code, and scripts.</summary>
    private const string VisibleProse = """
        () => {
          const main = document.querySelector('main').cloneNode(true);
          main.querySelectorAll('.katex-mathml, pre, code, script, style').forEach(e => e.remove());
          return main.textContent;
        }
        """;

    /// <summary>True once every figure on the page has drawn its SVG.</summary>
    public const string AllFiguresDrawn = """
        () => [...document.querySelectorAll('.itn-figure')].every(f => f.querySelector('.main-svg'))
        """;

    /// <summary>
    /// The page loads offline with no console error or network use, every chart draws, and no raw TeX is left
    /// in the prose (math is typeset).
    /// </summary>
    public static async Task AssertPageReadsCleanly(BrowserFixture browser, string path)
    {
        await using var page = await browser.OpenAsync(path, width: 1280);
        await page.WaitForChartsAsync();
        var prose = await page.Page.EvaluateAsync<string>(VisibleProse);

        Assert.DoesNotContain("$$", prose);
        Assert.DoesNotContain(@"\frac", prose);
        Assert.DoesNotContain(@"\(", prose);
        Assert.DoesNotContain(@"\[", prose);
        if (File.ReadAllText(path).Contains("class=\"math", StringComparison.Ordinal))
            Assert.True(await page.Page.Locator(".katex").CountAsync() > 0, $"{path}: math was not typeset");
        page.AssertClean();
    }

    /// <summary>Every link from one page to another (and to an anchor in it) reaches a file that exists.</summary>
    public static async Task AssertLinksResolve(BrowserFixture browser, IEnumerable<string> pages, int minimumLinks)
    {
        var checkedLinks = 0;
        foreach (var path in pages)
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
        Assert.True(checkedLinks > minimumLinks, $"only {checkedLinks} links checked");
    }
}
