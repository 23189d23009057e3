using System.Globalization;
using System.Text;
using InfoTheory;
using InfoTheory.Coding;
using InfoTheory.Exercises;
using InfoTheory.Models;
using Microsoft.Playwright;
using CourseCli;
using NotebookRunner.Export;
using Xunit;
using Xunit.Abstractions;

namespace Browser.Tests;

/// <summary>
/// The lab on the served site, in headless Chromium with no network but 127.0.0.1: the pages compute what the library
/// computes natively (to the byte), keep the page responsive, and say how to serve them when opened from disk.
/// Screenshots land in browser-artifacts/lab-*.png. Timings are written to the test output (they are not asserted).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LabTests(BrowserFixture browser, LabSiteExport site, ITestOutputHelper output) : IClassFixture<LabSiteExport>
{

    private Task<OfflinePage> Open(string relative, int width = 1100, int height = 900) =>
        browser.OpenUrlAsync(site.Server.Url + relative, width, height);

    [BrowserFact]
    public async Task Compressing_a_pasted_text_gives_the_CLIs_bytes_and_the_download_decompresses_with_the_CLI()
    {
        output.WriteLine($"lab publish: {site.PublishTime.TotalSeconds:F1} s");
        await using var page = await Open("lab/compress.html");
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.ready");
        double ready = double.Parse(await page.Page.EvaluateAsync<string>("document.body.dataset.ready"), CultureInfo.InvariantCulture);
        output.WriteLine($"compress page: first interaction {ready:F0} ms after navigation");

        // 100 KB of English (Austen's Persuasion, from its middle, cut at a character boundary: it is ASCII).
        string text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(site.Repository, "data", "persuasion.txt")), 200_000, 100_000);
        // Pasted: the text arrives in one input event, as a paste does (typing 100 KB key by key is not the case to test).
        await page.Page.EvalOnSelectorAsync("#text", "(box, text) => { box.value = text; box.dispatchEvent(new Event('input')); }", text);
        await page.Page.SelectOptionAsync("#model", "cm");
        await page.Page.ClickAsync("#compress");
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.state === 'compressed'");

        byte[] native = Compressor.Compress(Encoding.UTF8.GetBytes(text), "cm");
        var row = page.Page.Locator("#results tr[data-compressor='cm']");
        Assert.Equal(native.Length.ToString(CultureInfo.InvariantCulture), await row.GetAttributeAsync("data-bytes"));
        Assert.Contains("identical", await row.InnerTextAsync());
        string bitsPerByte = (8.0 * native.Length / text.Length).ToString("F3", CultureInfo.InvariantCulture);
        Assert.Contains(bitsPerByte, await row.InnerTextAsync());
        Assert.True(int.Parse(await page.Page.Locator("#results tr[data-compressor^='gzip']").GetAttributeAsync("data-bytes") ?? "0") > native.Length,
            "the context-mixing model should beat gzip on 100 KB of English");
        double inPage = double.Parse(await page.Page.EvaluateAsync<string>("document.getElementById('status').dataset.compressMs"), CultureInfo.InvariantCulture);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Compressor.Compress(Encoding.UTF8.GetBytes(text), "cm");
        output.WriteLine($"100 KB with cm: {inPage:F0} ms in the page (worker), {clock.Elapsed.TotalMilliseconds:F0} ms native here: ratio {inPage / clock.Elapsed.TotalMilliseconds:F1}");

        // The page stayed responsive: the strip was drawn after compressing, by the page's own thread.
        Assert.True(await page.Page.Locator("#strip span").CountAsync() > 1000);

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync("#download"));
        string compressedFile = Path.Combine(BrowserFixture.ArtifactsDirectory, "lab-download.itpc");
        string restoredFile = Path.Combine(BrowserFixture.ArtifactsDirectory, "lab-download.txt");
        await download.SaveAsAsync(compressedFile);
        Assert.Equal(native, File.ReadAllBytes(compressedFile));
        File.Delete(restoredFile);
        int exit = RunCli("decompress", compressedFile, restoredFile);
        Assert.Equal(0, exit);
        Assert.Equal(text, File.ReadAllText(restoredFile));

        await page.ScreenshotAsync("lab-compress.png");
        page.AssertClean();
    }

    [BrowserFact]
    public async Task The_guessing_game_plays_20_characters_and_its_bounds_are_the_librarys()
    {
        await using var page = await Open("lab/game.html");
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.state === 'playing'");
        double ready = double.Parse(await page.Page.EvaluateAsync<string>("document.body.dataset.ready"), CultureInfo.InvariantCulture);
        output.WriteLine($"game page: playable {ready:F0} ms after navigation");
        // The model plays in the worker meanwhile; wait for it, so that the per-key times below are the game's alone.
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.model === 'ready'");
        string passage = await page.Page.EvaluateAsync<string>("window.labGame.passage");
        string context = await page.Page.EvaluateAsync<string>("window.labGame.context");

        // Even characters: one wrong guess first (rank 2); odd characters: right at once (rank 1).
        var expectedRanks = new List<int>();
        for (int i = 0; i < 20; i++)
        {
            char actual = passage[i];
            if (i % 2 == 0)
            {
                await page.Page.Locator("#guess").PressSequentiallyAsync(actual == '#' ? "@" : "#");
                expectedRanks.Add(2);
            }
            else expectedRanks.Add(1);
            await page.Page.Locator("#guess").PressSequentiallyAsync(actual.ToString());
            await page.Page.WaitForFunctionAsync($"() => document.body.dataset.played === '{i + 1}'");
        }
        await page.Page.WaitForFunctionAsync("() => document.getElementById('model').querySelector('.n').textContent === '20'");

        int[] pageRanks = await page.Page.EvaluateAsync<int[]>("window.labGame.ranks");
        Assert.Equal(expectedRanks, pageRanks);
        var you = GuessingGame.ShannonBounds(expectedRanks, 256);
        await AssertBounds(page, "you", you);

        // The model: the library's order-4 n-gram reads the same context, then plays the same passage natively.
        ISequenceModel model = ModelCatalog.Create("order4", context.Length + passage.Length);
        foreach (byte b in Encoding.ASCII.GetBytes(context)) model.Learn(b);
        int[] nativeRanks = GuessingGame.Ranks(model, Encoding.ASCII.GetBytes(passage));
        int[] modelRanks = await page.Page.EvaluateAsync<int[]>("window.labGame.modelRanks");
        Assert.Equal(nativeRanks, modelRanks);
        await AssertBounds(page, "model", GuessingGame.ShannonBounds(nativeRanks[..20], 256));

        double[] keyMs = await page.Page.EvaluateAsync<double[]>("window.labGame.keyMs");
        output.WriteLine($"game: response per key (guess → both bounds shown) median {keyMs.Order().ElementAt(keyMs.Length / 2):F1} ms, max {keyMs.Max():F1} ms");
        await page.ScreenshotAsync("lab-game.png");
        page.AssertClean();
    }

    private static async Task AssertBounds(OfflinePage page, string row, EntropyBounds expected)
    {
        var cells = page.Page.Locator($"#{row}");
        double lower = double.Parse(await cells.GetAttributeAsync("data-lower") ?? "NaN", CultureInfo.InvariantCulture);
        double upper = double.Parse(await cells.GetAttributeAsync("data-upper") ?? "NaN", CultureInfo.InvariantCulture);
        Assert.Equal(expected.LowerBits, lower, 12);
        Assert.Equal(expected.UpperBits, upper, 12);
    }

    [BrowserFact]
    public async Task An_exercise_answered_in_the_page_gets_the_notebooks_messages_and_the_progress_view_updates()
    {
        await using var page = await Open("exercises/01-surprisal.html");
        var form = page.Page.Locator("form[data-exercise='01.1']");
        await form.WaitForAsync();
        var result = form.Locator("xpath=following-sibling::div[1]");

        await form.Locator("input").FillAsync("123");
        await form.Locator("button").ClickAsync();
        await result.Locator(".itn-check").WaitForAsync();
        var wrong = ExerciseCheck.Check("01.1", 123.0);
        Assert.Equal(CheckStatus.Wrong, wrong.Status);
        Assert.Contains(wrong.Message, await result.InnerTextAsync());
        Assert.Contains("not yet", await result.InnerTextAsync());

        double expected = ((NumberExercise)ExerciseCatalog.Find("01.1")).Expected;
        await form.Locator("input").FillAsync(expected.ToString("R", CultureInfo.InvariantCulture));
        await form.Locator("button").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => document.querySelector(\"form[data-exercise='01.1'] + div .itn-check-passed\")");
        Assert.Contains(ExerciseCheck.Check("01.1", expected).Message, await result.InnerTextAsync());
        await page.ScreenshotAsync("lab-exercise.png");
        page.AssertClean();

        // The index reads the same browser storage (same origin, same context).
        await page.Page.GotoAsync(site.Server.Url + "index.html");
        var row = page.Page.Locator("#progress tr[data-lesson='01'] .correct");
        await row.WaitForAsync();
        int count = ExerciseCatalog.All.Count(e => e.Id.StartsWith("01.", StringComparison.Ordinal) && e is NumberExercise or VectorExercise or ComputedVectorExercise);
        Assert.Equal($"1 of {count}", await row.InnerTextAsync());
        await page.ScreenshotAsync("lab-progress.png");
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Presenter_mode_moves_through_a_lesson_with_a_clock_and_presentation_charts()
    {
        await using var page = await Open("notebooks/02-entropy.html", 1280, 800);
        await page.WaitForChartsAsync();
        await page.Page.Keyboard.PressAsync("p");
        Assert.True(await page.Page.EvaluateAsync<bool>("document.body.classList.contains('presenting')"));
        Assert.Equal("1", await page.Page.EvaluateAsync<string>("document.body.dataset.slide"));
        Assert.Matches(@"^\d\d:\d\d\s+·\s+1 / \d+$", await page.Page.Locator(".presenter-bar").InnerTextAsync());
        int slides = int.Parse((await page.Page.Locator(".presenter-bar").InnerTextAsync()).Split('/')[1].Trim(), CultureInfo.InvariantCulture);
        Assert.True(slides >= 4, $"only {slides} slides");

        // Forward until a slide with a chart, which is drawn in the presentation theme (20 px text).
        int withChart = 0;
        for (int i = 2; i <= slides && withChart == 0; i++)
        {
            await page.Page.Keyboard.PressAsync("ArrowRight");
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), await page.Page.EvaluateAsync<string>("document.body.dataset.slide"));
            if (await page.Page.EvaluateAsync<bool>("[...document.querySelectorAll('.itn-figure')].some(f => f.offsetParent !== null)")) withChart = i;
        }
        Assert.True(withChart > 0, "no slide shows a chart");
        Assert.Equal(20, await page.Page.EvaluateAsync<int>("[...document.querySelectorAll('.itn-figure')].find(f => f.offsetParent !== null).layout.font.size"));
        // The whole chart shows: its box grew with it.
        Assert.True(await page.Page.EvaluateAsync<bool>("(() => { const f = [...document.querySelectorAll('.itn-figure')].find(f => f.offsetParent !== null); return f.getBoundingClientRect().height >= f.layout.height; })()"));
        int visible = await page.Page.EvaluateAsync<int>("[...document.querySelectorAll('main > section')].filter(s => s.offsetParent !== null).length");
        int all = await page.Page.EvaluateAsync<int>("document.querySelectorAll('main > section').length");
        Assert.InRange(visible, 1, all / 2);
        await page.ScreenshotAsync("lab-presenter.png");
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal((withChart - 1).ToString(CultureInfo.InvariantCulture), await page.Page.EvaluateAsync<string>("document.body.dataset.slide"));
        await page.Page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Page.EvaluateAsync<bool>("document.body.classList.contains('presenting')"));
        Assert.Equal(all, await page.Page.EvaluateAsync<int>("[...document.querySelectorAll('main > section')].filter(s => s.offsetParent !== null).length"));
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Dark_mode_search_chart_names_and_keyboard_sliders_work()
    {
        await using var page = await Open("notebooks/02-entropy.html", 1280, 900);
        await page.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.WaitForChartsAsync();
        Assert.Equal("rgb(17, 21, 28)", await page.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));

        // Every chart has an accessible name: its text summary.
        string[] names = await page.Page.EvalOnSelectorAllAsync<string[]>(".output.html .itn-figure", "els => els.map(e => e.getAttribute('aria-label') || '')");
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.False(string.IsNullOrWhiteSpace(name)));

        // A slider moves with the arrow keys.
        var slider = page.Page.Locator(".itn-figure[role='slider']").First;
        await page.Page.WaitForFunctionAsync("() => document.querySelector(\".itn-figure[role='slider']\")");
        int before = await slider.EvaluateAsync<int>("gd => gd.layout.sliders[0].active || 0");
        await slider.FocusAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await page.Page.WaitForFunctionAsync($"() => document.querySelector(\".itn-figure[role='slider']\").layout.sliders[0].active === {before + 1}");

        // Search, offline, from the header.
        await page.Page.Keyboard.PressAsync("Escape");
        await page.Page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.Page.Keyboard.PressAsync("/");
        await page.Page.Keyboard.TypeAsync("surprisal");
        var hit = page.Page.Locator(".site-search li a[href$='exercises/01-surprisal.html']");
        await hit.WaitForAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "lab-dark-search.png") });   // the first screen
        page.AssertClean();
    }

    [BrowserFact]
    public async Task Opened_from_disk_the_lab_says_how_to_serve_it_and_lessons_still_read()
    {
        await using var page = await browser.OpenAsync(Path.Combine(site.SiteDirectory, "lab", "compress.html"));
        var note = page.Page.Locator("#offline");
        Assert.True(await note.IsVisibleAsync());
        Assert.Contains("serve", await note.InnerTextAsync());
        await page.ScreenshotAsync("lab-from-disk.png");
        // (The browser refuses the page's module script from file://: that console error is the reason for the note.)

        await SiteChecks.AssertPageReadsCleanly(browser, Path.Combine(site.SiteDirectory, "notebooks", "02-entropy.html"));
        await using var exercises = await browser.OpenAsync(Path.Combine(site.SiteDirectory, "exercises", "01-surprisal.html"));
        Assert.True(await exercises.Page.Locator(".itn-answer .serve-note").CountAsync() > 0);
        exercises.AssertClean();
    }

    /// <summary>The course's CLI, in this process: its entry point with the verb's arguments.</summary>
    private static int RunCli(params string[] args) =>
        (int)typeof(LabSite).Assembly.EntryPoint!.Invoke(null, [args])!;
}
