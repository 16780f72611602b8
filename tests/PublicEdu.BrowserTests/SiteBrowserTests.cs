using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PublicEdu.BrowserTests;

[Collection("browser")]
public class SiteBrowserTests(BrowserFixture fixture)
{
    [SkippableTheory]
    [InlineData(375, 812)]
    [InlineData(1280, 900)]
    public async Task The_home_page_loads_cleanly_and_stays_on_its_own_origin(int width, int height)
    {
        await using var tab = await fixture.OpenAsync(width, height);
        var response = await tab.Page.GotoAsync(fixture.BaseUrl, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response!.Status);
        Assert.Equal("zh-CN", await tab.Page.GetAttributeAsync("html", "lang"));
        tab.AssertClean();
        // The reading tools are enhancements: visible only once the script has run.
        Assert.True(await tab.Page.IsVisibleAsync("#elder-toggle"));
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(fixture.ArtifactsDir, $"home-{width}.png"),
            FullPage = true,
        });
        Assert.True(new FileInfo(Path.Combine(fixture.ArtifactsDir, $"home-{width}.png")).Length > 10_000);
    }

    [SkippableFact]
    public async Task Elder_mode_enlarges_text_and_persists_across_pages()
    {
        await using var tab = await fixture.OpenAsync("guides/keep-escape-routes-clear/", 375, 812);
        var before = await BodyFontSize(tab.Page);
        Assert.True(before >= 16, $"body text {before}px");
        await tab.Page.ClickAsync("#elder-toggle");
        Assert.Equal("true", await tab.Page.GetAttributeAsync("#elder-toggle", "aria-pressed"));
        var after = await BodyFontSize(tab.Page);
        Assert.True(after >= 18, $"elder body text {after}px");
        await tab.Page.GotoAsync(fixture.BaseUrl + "laws/");
        Assert.Equal("on", await tab.Page.GetAttributeAsync("html", "data-elder"));
        Assert.True(await BodyFontSize(tab.Page) >= 18);
        await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ArtifactsDir, "elder-laws-375.png") });
        Assert.Empty(tab.ConsoleErrors);
    }

    private static Task<double> BodyFontSize(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main .prose p, main .card p')).fontSize)");

    [SkippableFact]
    public async Task A_focused_citation_shows_the_article_text_and_Escape_closes_it()
    {
        await using var tab = await fixture.OpenAsync("guides/keep-escape-routes-clear/");
        var link = tab.Page.Locator("main a.cite[data-cite='fire-protection-law/28']").First;
        await link.FocusAsync();
        var preview = tab.Page.Locator("#cite-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        Assert.Equal("tooltip", await preview.GetAttributeAsync("role"));
        Assert.Equal("cite-preview", await link.GetAttributeAsync("aria-describedby"));
        var text = await preview.InnerTextAsync();
        Assert.Contains("《消防法》第二十八条", text);
        Assert.Contains("任何单位、个人不得损坏、挪用或者擅自拆除、停用消防设施、器材", text);
        await tab.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(preview).ToBeHiddenAsync();
        Assert.Null(await link.GetAttributeAsync("aria-describedby"));
        // Following the link lands on the article.
        await link.ClickAsync();
        await tab.Page.WaitForURLAsync("**/laws/fire-protection-law/#art-28");
        Assert.Empty(tab.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Without_JavaScript_citations_are_plain_working_links()
    {
        await using var tab = await fixture.OpenAsync("guides/keep-escape-routes-clear/", javaScript: false);
        Assert.False(await tab.Page.IsVisibleAsync("#elder-toggle"));
        var href = await tab.Page.Locator("main a.cite").First.GetAttributeAsync("href");
        Assert.StartsWith("../../laws/", href);
    }

    [SkippableTheory]
    [InlineData("laws/fire-protection-law/")]
    [InlineData("")]
    [InlineData("guides/voluntary-reporting/")]
    [InlineData("laws/")]
    public async Task Pages_pass_axe_with_no_violations(string path)
    {
        await using var tab = await fixture.OpenAsync(path);
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [SkippableFact]
    public async Task No_page_type_triggers_a_content_security_policy_violation()
    {
        string[] paths = ["", "laws/", "laws/fire-protection-law/", "guides/", "guides/voluntary-reporting/", "articles/",
            "articles/extinguisher-basics/", "selfchecks/", "selfchecks/small-hotel/", "search/?q=%E7%81%AD%E7%81%AB%E5%99%A8", "about/", "no-such-page/"];
        await using var tab = await fixture.OpenAsync();
        // Playwright's init scripts are exempt from the page's CSP, so this listener sees every violation.
        await tab.Page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        foreach (var path in paths)
        {
            await tab.Page.GotoAsync(fixture.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var violations = await tab.Page.EvaluateAsync<string[]>("() => window.__csp");
            Assert.True(violations.Length == 0, $"{path}: {string.Join(", ", violations)}");
        }
        Assert.DoesNotContain(tab.ConsoleErrors, e => e.Contains("Content Security Policy"));
        Assert.Empty(tab.ForeignRequests);
    }
}
