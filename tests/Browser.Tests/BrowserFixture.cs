using Microsoft.Playwright;
using Xunit;

namespace Browser.Tests;

/// <summary>
/// One headless Chromium (the system's /usr/bin/chromium, driven by Playwright) shared by every test in
/// the "Browser" collection. Pages open offline: only file:, data: and blob: URLs load, every other
/// request is blocked and recorded. Use it like this:
/// <code>
/// [Collection(BrowserCollection.Name)]
/// public class MyTests(BrowserFixture browser)
/// {
///     [BrowserFact]
///     public async Task Draws()
///     {
///         await using var page = await browser.OpenAsync(pathToHtmlFile);
///         …
///         page.AssertClean();   // no console errors, no page errors, no network
///     }
/// }
/// </code>
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// The flags headless Chromium needs here (running as root, no GPU, no background traffic). Playwright
    /// adds --headless itself and starts every launch with a fresh temporary profile (its own
    /// --user-data-dir), so neither is listed.
    /// </summary>
    public static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// How long any page may take to load, or a wait in it to come true: generous, because the machine is shared
    /// (two cores, other builds running). Each context gets it as its default, so a test waits only as long as
    /// what it needs takes, and a chart that never draws still fails (after this long, with its page named).
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>True when the CI environment variable is set: a missing browser is then a failure, not a skip.</summary>
    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why browser tests are skipped on this machine, or null when they run.</summary>
    public static string? SkipReason => File.Exists(ChromiumPath) || IsCi
        ? null
        : $"{ChromiumPath} is not installed, so browser tests are skipped (apt-get install -y chromium). With CI set they fail instead.";

    /// <summary>Where tests put pages and screenshots: browser-artifacts/ under the test output directory.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Path.Combine(AppContext.BaseDirectory, "browser-artifacts")).FullName;

    public IBrowser Browser => browser ?? throw new InvalidOperationException(SkipReason ?? "The browser did not start.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (IsCi) throw new InvalidOperationException($"CI is set but {ChromiumPath} is missing: install it with apt-get install -y chromium.");
            return; // every [BrowserFact] is skipped
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>Opens a local HTML file offline and waits until its document is parsed (not for every resource: wait on what the test needs).</summary>
    public Task<OfflinePage> OpenAsync(string htmlPath, int width = 1000, int height = 800) =>
        OpenUrlAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, width, height);

    /// <summary>Opens a URL (file:, or a loopback server) in a fresh offline context.</summary>
    public async Task<OfflinePage> OpenUrlAsync(string url, int width = 1000, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Offline = true,
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var offline = new OfflinePage(context, page);
        bool loopback = url.StartsWith("http://127.0.0.1", StringComparison.Ordinal) || url.StartsWith("http://localhost", StringComparison.Ordinal);
        await context.RouteAsync("**/*", async route =>
        {
            string requested = route.Request.Url;
            bool local = requested.StartsWith("file:", StringComparison.Ordinal) || requested.StartsWith("data:", StringComparison.Ordinal)
                || requested.StartsWith("blob:", StringComparison.Ordinal)
                || (loopback && (requested.StartsWith("http://127.0.0.1", StringComparison.Ordinal) || requested.StartsWith("http://localhost", StringComparison.Ordinal)));
            if (local) await route.ContinueAsync();
            else
            {
                offline.BlockedRequests.Add(requested);
                await route.AbortAsync();
            }
        });
        if (loopback) await context.SetOfflineAsync(false); // a loopback server needs the network stack; the route still blocks the rest
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        return offline;
    }
}

/// <summary>A page in its own offline browser context, recording console errors, page errors and blocked requests.</summary>
public sealed class OfflinePage : IAsyncDisposable
{
    private readonly IBrowserContext context;

    internal OfflinePage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") Errors.Add("console: " + message.Text); };
        page.PageError += (_, error) => Errors.Add("page error: " + error);
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions, in order.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Requests the page tried to make to anything but local files.</summary>
    public List<string> BlockedRequests { get; } = [];

    /// <summary>Fails with the details if the page logged an error or reached for the network.</summary>
    public void AssertClean()
    {
        Assert.True(Errors.Count == 0, "The page reported errors:\n" + string.Join("\n", Errors));
        Assert.True(BlockedRequests.Count == 0, "The page tried to use the network:\n" + string.Join("\n", BlockedRequests));
    }

    /// <summary>
    /// Waits until every chart on the page has drawn its SVG; fails naming the page and the charts that did not
    /// draw within <see cref="BrowserFixture.Patience"/>.
    /// </summary>
    public async Task WaitForChartsAsync()
    {
        try
        {
            await Page.WaitForFunctionAsync(SiteChecks.AllFiguresDrawn);
        }
        catch (TimeoutException)
        {
            var undrawn = await Page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.itn-figure')].filter(f => !f.querySelector('.main-svg')).map(f => f.id || '(no id)')");
            var errors = Errors.Count == 0 ? "" : "\nThe page reported errors:\n" + string.Join("\n", Errors);
            throw new Xunit.Sdk.XunitException(
                $"{Page.Url}: {undrawn.Length} chart(s) did not draw within {BrowserFixture.Patience.TotalSeconds:0} s: {string.Join(", ", undrawn)}{errors}");
        }
    }

    /// <summary>Saves a full-page screenshot under <see cref="BrowserFixture.ArtifactsDirectory"/> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string fileName)
    {
        string path = Path.Combine(BrowserFixture.ArtifactsDirectory, fileName);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}

/// <summary>A test that needs the browser: skipped (with the reason) when Chromium is missing, unless CI is set.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>Every test class that uses <see cref="BrowserFixture"/> joins this collection, so they share one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
