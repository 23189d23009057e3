using System.Text.Json;
using InfoTheory.Charts;
using Microsoft.Playwright;
using Xunit;

namespace Browser.Tests;

/// <summary>
/// Opens gallery pages of every chart kind in headless Chromium, offline, and checks that each figure
/// draws its traces, that sliders move the plot, that the page logs no error, and that text strips
/// carry their hover titles. Screenshots land in browser-artifacts/ under the test output directory.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartsInBrowserTests(BrowserFixture browser)
{
    // Counts what plotly.js drew in one figure: scatter and bar/histogram traces, heatmaps.
    private const string CountDrawnTraces = """
        el => el.querySelectorAll('.scatterlayer > .trace, .barlayer > .trace, .heatmaplayer > .hm').length
        """;

    [BrowserFact]
    public async Task Every_figure_draws_its_traces_offline_with_plotly_inline_once()
    {
        string path = ChartGallery.WritePage("gallery-inline.html", PlotlySource.Inline, ChartTheme.Default, dark: false);
        Assert.Equal(1, CountOccurrences(File.ReadAllText(path), PlotlyJs.InlineAttribute));

        await using var page = await browser.OpenAsync(path);
        await AssertEveryFigureDrawsAsync(page.Page);
        await ScreenshotSectionsAsync(page.Page, "light");
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Presentation_theme_draws_bigger_text_and_thicker_lines()
    {
        string path = ChartGallery.WritePage("gallery-presentation.html", PlotlySource.Inline, ChartTheme.Presentation, dark: false);
        await using var page = await browser.OpenAsync(path, width: 1280);
        await AssertEveryFigureDrawsAsync(page.Page);
        await ScreenshotSectionsAsync(page.Page, "presentation");

        var first = page.Page.Locator(".itn-figure").First;
        double tickSize = await first.EvaluateAsync<double>("el => parseFloat(getComputedStyle(el.querySelector('.xtick text')).fontSize)");
        double lineWidth = await first.EvaluateAsync<double>("el => parseFloat(getComputedStyle(el.querySelector('.scatterlayer .js-line')).strokeWidth)");
        Assert.Equal(ChartTheme.Presentation.FontSize, tickSize);
        Assert.Equal(ChartTheme.Presentation.LineWidth, lineWidth);
        page.AssertClean();
    }

    [BrowserFact]
    public async Task On_a_dark_page_chart_text_takes_the_page_colour()
    {
        string path = ChartGallery.WritePage("gallery-dark.html", PlotlySource.Inline, ChartTheme.Default, dark: true);
        await using var page = await browser.OpenAsync(path);
        await AssertEveryFigureDrawsAsync(page.Page);
        await ScreenshotSectionsAsync(page.Page, "dark");

        string bodyColor = await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).color");
        string titleFill = await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.itn-figure .gtitle')).fill");
        string tickFill = await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.itn-figure .xtick text')).fill");
        Assert.Equal("rgb(212, 212, 212)", bodyColor);
        Assert.Equal(bodyColor, titleFill);
        Assert.Equal(bodyColor, tickFill);
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Clicking_a_slider_step_changes_the_plot()
    {
        string path = ChartGallery.WritePage("gallery-slider.html", PlotlySource.Inline, ChartTheme.Default, dark: false,
            ChartGallery.Exhibits().Where(e => e.HasSlider).ToArray());
        await using var page = await browser.OpenAsync(path);
        await AssertEveryFigureDrawsAsync(page.Page);

        var figures = page.Page.Locator(".itn-figure");
        int count = await figures.CountAsync();
        Assert.True(count >= 3, $"expected the three slider exhibits, found {count}");
        for (int i = 0; i < count; i++)
        {
            var figure = figures.Nth(i);
            int active = await figure.EvaluateAsync<int>("el => el.layout.sliders[0].active");
            string before = await DrawnDataAsync(figure);

            // Click the rail three quarters of the way along (or a quarter, if the slider starts past the middle).
            int steps = await figure.EvaluateAsync<int>("el => el.layout.sliders[0].steps.length");
            double fraction = active < steps / 2 ? 0.75 : 0.25;
            var rail = figure.Locator(".slider-rail-touch-rect");
            await rail.ScrollIntoViewIfNeededAsync(); // mouse clicks land in the viewport
            var box = await rail.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("the slider rail is not visible");
            await page.Page.Mouse.ClickAsync((float)(box.X + box.Width * fraction), box.Y + box.Height / 2);
            await page.Page.WaitForFunctionAsync(
                "([el, old]) => el.layout.sliders[0].active !== old", new object[] { await figure.ElementHandleAsync(), active });

            string after = await DrawnDataAsync(figure);
            Assert.NotEqual(before, after);
        }
        await page.ScreenshotAsync("gallery-slider-moved.png");
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Slider_notes_and_lines_follow_the_frame()
    {
        string path = ChartGallery.WritePage("gallery-slider-notes.html", PlotlySource.Inline, ChartTheme.Default, dark: false,
            ChartGallery.Exhibits().Where(e => e.Name == "slider: fitting a Gaussian").ToArray());
        await using var page = await browser.OpenAsync(path);
        await AssertEveryFigureDrawsAsync(page.Page);
        var figure = page.Page.Locator(".itn-figure").First;

        string noteBefore = await figure.Locator(".annotation-text").First.TextContentAsync() ?? "";
        await figure.EvaluateAsync("el => Plotly.animate(el, [el.layout.sliders[0].steps[24].args[0][0]], { mode: 'immediate', frame: { duration: 0, redraw: true }, transition: { duration: 0 } })");
        await page.Page.WaitForFunctionAsync("el => el.layout.shapes[0].x0 === 3", await figure.ElementHandleAsync());
        string noteAfter = await figure.Locator(".annotation-text").First.TextContentAsync() ?? "";
        Assert.Contains("μ = -3.00", noteBefore);
        Assert.Contains("μ = 3.00", noteAfter);
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Figures_draw_when_plotly_is_loaded_in_the_head()
    {
        string path = ChartGallery.WritePage("gallery-head.html", PlotlySource.Head, ChartTheme.Default, dark: false);
        Assert.Equal(0, CountOccurrences(File.ReadAllText(path), PlotlyJs.InlineAttribute));
        await using var page = await browser.OpenAsync(path);
        await AssertEveryFigureDrawsAsync(page.Page);
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Figures_draw_when_plotly_arrives_after_their_scripts()
    {
        string path = ChartGallery.WritePage("gallery-late.html", PlotlySource.EndOfBody, ChartTheme.Default, dark: false);
        await using var page = await browser.OpenAsync(path);
        await AssertEveryFigureDrawsAsync(page.Page);
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Without_plotly_each_figure_says_what_to_do()
    {
        string path = ChartGallery.WritePage("gallery-missing.html", PlotlySource.Missing, ChartTheme.Default, dark: false,
            ChartGallery.Exhibits().Take(2).ToArray());
        await using var page = await browser.OpenAsync(path);
        var messages = page.Page.Locator(".itn-figure-missing");
        await messages.Nth(1).WaitForAsync();
        Assert.Equal(2, await messages.CountAsync());
        Assert.Contains("Chart.AlwaysInlinePlotly = true", await messages.First.TextContentAsync());
        Assert.Equal(0, await page.Page.Locator(".main-svg").CountAsync());
        await page.ScreenshotAsync("gallery-missing.png");
        page.AssertClean();
    }

    [BrowserFact]
    public async Task The_surprisal_strip_shows_every_token_with_a_hover_title()
    {
        string path = ChartGallery.WritePage("gallery-strip.html", PlotlySource.Inline, ChartTheme.Default, dark: true,
            ChartGallery.Exhibits().Where(e => e.Name == "surprisal strip").ToArray());
        await using var page = await browser.OpenAsync(path, width: 700, height: 300);
        var tokens = page.Page.Locator(".itn-strip .itn-token");
        Assert.Equal("the cat sat on the mat; qwerty!".Length, await tokens.CountAsync());
        Assert.Equal("the cat sat on the mat; qwerty!", string.Concat(await tokens.AllTextContentsAsync()));
        var titles = await tokens.EvaluateAllAsync<string[]>("spans => spans.map(s => s.title)");
        Assert.All(titles, t => Assert.Matches(@"^“.+” · \d+\.\d\d bits · p = ", t));
        Assert.True(await page.Page.Locator(".itn-strip-legend").IsVisibleAsync());
        await page.Page.Locator(".itn-strip").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "strip-dark.png"),
        });
        page.AssertClean();
    }

    /// <summary>Waits for each figure's SVG and checks it drew the number of traces its section expects.</summary>
    private static async Task AssertEveryFigureDrawsAsync(IPage page)
    {
        var sections = page.Locator("section");
        int count = await sections.CountAsync();
        Assert.True(count > 0, "the page has no exhibits");
        for (int i = 0; i < count; i++)
        {
            var section = sections.Nth(i);
            string name = await section.GetAttributeAsync("data-name") ?? "?";
            int expected = int.Parse(await section.GetAttributeAsync("data-expected-traces") ?? "0");
            if (expected == 0) continue;
            var figure = section.Locator(".itn-figure");
            try
            {
                await figure.Locator(".main-svg").First.WaitForAsync();
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"\"{name}\" did not draw within {BrowserFixture.Patience.TotalSeconds:0} s");
            }
            // Sliders add their frames after the first drawing; wait until plotly.js has settled.
            await page.WaitForFunctionAsync("el => el._fullLayout && !el._transitioning", await figure.ElementHandleAsync());
            int drawn = await figure.EvaluateAsync<int>(CountDrawnTraces);
            Assert.True(expected == drawn, $"\"{name}\": expected {expected} traces drawn, found {drawn}");
        }
    }

    /// <summary>Saves one screenshot per exhibit, e.g. browser-artifacts/light-03-grouped-bars.png, to look at.</summary>
    private static async Task ScreenshotSectionsAsync(IPage page, string prefix)
    {
        var sections = page.Locator("section");
        int count = await sections.CountAsync();
        for (int i = 0; i < count; i++)
        {
            string name = await sections.Nth(i).GetAttributeAsync("data-name") ?? "exhibit";
            string slug = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            await sections.Nth(i).ScreenshotAsync(new LocatorScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"{prefix}-{i:00}-{slug}.png"),
            });
        }
    }

    /// <summary>The SVG of every trace of a figure, as a string to compare before and after.</summary>
    private static async Task<string> DrawnDataAsync(ILocator figure) =>
        JsonSerializer.Serialize(await figure.EvaluateAsync<string[]>(
            "el => Array.from(el.querySelectorAll('.scatterlayer .trace path, .barlayer .trace path, .textpoint text')).map(p => p.getAttribute('d') || p.textContent)"));

    private static int CountOccurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
