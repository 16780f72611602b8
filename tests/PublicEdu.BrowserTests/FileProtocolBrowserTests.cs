using System.Text.Json;
using Microsoft.Playwright;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Rendering;

namespace PublicEdu.BrowserTests;

/// <summary>
/// The site built with --file-links and opened straight from disk, as from a USB stick at a
/// campaign: file:// pages have origin null, where Chromium refuses module scripts, import() and
/// fetch(). The fixture's server is not used; its foreign-request check means nothing without a host.
/// </summary>
[Collection("browser")]
public sealed class FileProtocolBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "publicedu-file-" + Guid.NewGuid().ToString("N")[..12]);

    private string Site => Path.Combine(_root, "_site");

    public async Task InitializeAsync()
    {
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(BrowserFixture.RepoRoot, "content"), Site, null,
            Path.Combine(BrowserFixture.RepoRoot, "site-theme", "wwwroot"), new RenderOptions(IndexFileLinks: true)));
        if (!result.Succeeded) throw new InvalidOperationException("content/ does not build with --file-links:\n" + string.Join("\n", result.Diagnostics));
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private sealed record Tab(IBrowserContext Context, IPage Page, List<string> Errors) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(Context.CloseAsync());
    }

    private async Task<Tab> OpenAsync(string path)
    {
        var context = await fixture.RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"failed: {request.Url} {request.Failure}");
        await page.GotoAsync(new Uri(Path.Combine(Site, path)).AbsoluteUri);
        return new Tab(context, page, errors);
    }

    /// <summary>Follows a link as a visitor would; it must name an index.html and open a page of the site, not a folder listing.</summary>
    private static async Task FollowAsync(IPage page, ILocator link, string expectedEnd)
    {
        var href = await link.GetAttributeAsync("href");
        Assert.True(href!.Split('#')[0].EndsWith("index.html", StringComparison.Ordinal), $"link {href} on {page.Url}");
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(expectedEnd, StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("main#main h1").CountAsync());
    }

    [SkippableFact]
    public async Task From_the_home_page_through_the_menu_a_self_check_gives_its_result_and_large_text_works()
    {
        await using var tab = await OpenAsync("index.html");
        var page = tab.Page;
        await Assertions.Expect(page.Locator("#elder-toggle")).ToBeVisibleAsync();

        await FollowAsync(page, page.Locator("nav.site-nav a", new PageLocatorOptions { HasText = "消防自查" }), "selfchecks/index.html");
        await FollowAsync(page, page.Locator("main a[href*='small-shop-restaurant']").First, "selfchecks/small-shop-restaurant/index.html");

        // Every question visible at the time, in order, so conditional ones are answered once they open; the first hazard option found is chosen.
        var json = await page.Locator("#selfcheck-data").TextContentAsync();
        using var data = JsonDocument.Parse(json!);
        var hazardChosen = false;
        var answered = 0;
        foreach (var question in data.RootElement.GetProperty("questions").EnumerateArray())
        {
            var id = question.GetProperty("id").GetString();
            if (!await page.Locator($"#q-{id}").IsVisibleAsync()) continue;
            var outcomes = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("o").GetString()).ToList();
            var choice = !hazardChosen && outcomes.IndexOf("hazard") is >= 0 and var hazard ? hazard : Math.Max(0, outcomes.FindIndex(o => o != "hazard"));
            hazardChosen |= outcomes[choice] == "hazard";
            await page.CheckAsync($"#q-{id}-{choice}");
            answered++;
        }
        Assert.True(answered >= 10, $"{answered} questions answered");
        Assert.True(hazardChosen);
        Assert.Equal($"已回答 {answered} / {answered} 题", await page.Locator("#selfcheck-progress").InnerTextAsync());

        var submit = page.Locator("#selfcheck-submit");
        Assert.Equal("查看自查结果", (await submit.InnerTextAsync()).Trim());
        await submit.ClickAsync();
        var result = page.Locator("#selfcheck-result");
        await Assertions.Expect(result).ToBeVisibleAsync();
        await Assertions.Expect(result.Locator(".risk-level")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^总体风险：.+"));
        Assert.True(await result.Locator(".hazard-list > li").CountAsync() >= 1);

        // Export loads its module on use, through the loader's import() replacement.
        var download = await page.RunAndWaitForDownloadAsync(() => result.GetByRole(AriaRole.Button, new() { Name = "导出答案" }).ClickAsync());
        Assert.StartsWith("自查答案-small-shop-restaurant-", download.SuggestedFilename);

        var elder = page.Locator("#elder-toggle");
        await elder.ClickAsync();
        Assert.Equal("on", await page.GetAttributeAsync("html", "data-elder"));
        Assert.Equal("true", await elder.GetAttributeAsync("aria-pressed"));
        // The choice persists on the next page opened from disk.
        await FollowAsync(page, page.Locator("nav.site-nav a", new PageLocatorOptions { HasText = "法律法规" }), "laws/index.html");
        Assert.Equal("on", await page.GetAttributeAsync("html", "data-elder"));
        await elder.ClickAsync();
        Assert.Null(await page.GetAttributeAsync("html", "data-elder"));

        Assert.Empty(tab.Errors);
    }

    [SkippableFact]
    public async Task Search_opened_from_disk_says_why_it_cannot_search_and_links_to_the_sections()
    {
        await using var tab = await OpenAsync("guides/index.html");
        var page = tab.Page;
        await page.FillAsync("#site-search-q", "灭火器");
        await page.Locator(".site-search button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("search/index.html?q="));

        var status = page.Locator("#search-status");
        await Assertions.Expect(status).ToContainTextAsync("直接打开本地文件时无法搜索");
        Assert.Equal("灭火器", await page.InputValueAsync("#search-q"));
        await FollowAsync(page, status.Locator("a", new LocatorLocatorOptions { HasText = "消防自查" }), "selfchecks/index.html");
        Assert.Empty(tab.Errors);
    }
}
