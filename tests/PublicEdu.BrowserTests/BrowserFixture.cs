using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Serve;

namespace PublicEdu.BrowserTests;

/// <summary>
/// Builds content/ once, serves it on a free loopback port, and starts Debian's Chromium through
/// Playwright. Without a browser the tests are skipped with the reason, unless REQUIRE_BROWSER=1
/// (set by .ci/run), where a missing browser is a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "publicedu-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private LoopbackHost? _host;
    private IPlaywright? _playwright;

    public static string RepoRoot { get; } = FindRoot();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The built site, for a test that needs a server of its own.</summary>
    public string OutputDir => Path.Combine(_root, "_site");

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser is unavailable; null when it is running.</summary>
    public string? Unavailable { get; private set; }

    public string ArtifactsDir { get; } = Path.Combine(FindRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var output = OutputDir;
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(RepoRoot, "content"), output, null,
            Path.Combine(RepoRoot, "site-theme", "wwwroot")));
        if (!result.Succeeded)
            throw new InvalidOperationException("content/ does not build:\n" + string.Join("\n", result.Diagnostics));

        _host = await LoopbackHost.StartAsync(output, 0);
        BaseUrl = _host.BaseUrl;

        var executable = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") is { Length: > 0 } fromEnv ? fromEnv : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            Unavailable = $"Chromium not found at {executable}; install it (apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ArtifactsDir);
    }

    /// <summary>Skips the calling test when there is no browser, or fails it when one is required.</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is not null) return Browser;
        if (Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1")
            throw new InvalidOperationException("REQUIRE_BROWSER=1 but " + Unavailable);
        Skip.If(true, Unavailable);
        return null!;
    }

    /// <summary>A new page that records console errors and every request that leaves the site's origin.</summary>
    public async Task<BrowserPage> OpenAsync(string path, int width = 1280, int height = 900, bool javaScript = true)
    {
        var tab = await OpenAsync(width, height, javaScript);
        await tab.Page.GotoAsync(BaseUrl + path);
        return tab;
    }

    public async Task<BrowserPage> OpenAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var browser = RequireBrowser();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var watched = new BrowserPage(context, page, new Uri(BaseUrl));
        return watched;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PublicEdu.sln"))) return dir.FullName;
        throw new InvalidOperationException("PublicEdu.sln not found");
    }
}

public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public BrowserPage(IBrowserContext context, IPage page, Uri origin)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") ConsoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "data" or "about" or "blob") return;
            if (url.Host != origin.Host || url.Port != origin.Port) ForeignRequests.Add(request.Url);
        };
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> ForeignRequests { get; } = [];

    /// <summary>No script errors and nothing requested from another origin.</summary>
    public void AssertClean()
    {
        Assert.Empty(ConsoleErrors);
        Assert.Empty(ForeignRequests);
    }

    /// <summary>axe-core finds no violation on the page as it is now.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}) e.g. {v.Nodes.FirstOrDefault()?.Html}")));
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
