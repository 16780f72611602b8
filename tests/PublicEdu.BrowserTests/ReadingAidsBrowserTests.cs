using Microsoft.Playwright;

namespace PublicEdu.BrowserTests;

/// <summary>
/// Read aloud by part, large text and no sideways scrolling, for older readers on phones. Speech is
/// a stub that records what it is handed, so the tests assert on the words the reader hears.
/// </summary>
[Collection("browser")]
public class ReadingAidsBrowserTests(BrowserFixture fixture)
{
    // Records every utterance and every control call; "speaking" ends only when the test says so.
    private const string SpeechStub = """
        window.__spoken = []; window.__calls = [];
        const synth = { speaking: false,
          speak(u) { window.__spoken.push({ text: u.text, rate: u.rate }); window.__last = u; },
          pause() { window.__calls.push('pause'); }, resume() { window.__calls.push('resume'); },
          cancel() { window.__calls.push('cancel'); } };
        Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
        window.SpeechSynthesisUtterance = class extends EventTarget { constructor(text) { super(); this.text = text; } };
        window.__endCurrent = () => window.__last.dispatchEvent(new Event('end'));
        """;

    private static async Task<string> SpokenAsync(IPage page) =>
        string.Concat(await page.EvaluateAsync<string[]>("() => window.__spoken.map(s => s.text)"));

    private static async Task ReadAllAsync(IPage page)
    {
        for (var i = 0; i < 200 && await page.EvaluateAsync<bool>("() => document.getElementById('read-aloud').getAttribute('aria-pressed') === 'true'"); i++)
            await page.EvaluateAsync("() => window.__endCurrent()");
    }

    [SkippableFact]
    public async Task One_law_article_is_read_without_link_words_or_source_metadata_with_pause_and_speed()
    {
        await using var tab = await fixture.OpenAsync(375, 812);
        var page = tab.Page;
        await page.AddInitScriptAsync(SpeechStub);
        await page.GotoAsync(fixture.BaseUrl + "laws/fire-protection-law/#art-60");
        var article = page.Locator("#art-60");
        var statute = (await article.Locator(".statute").InnerTextAsync()).Replace("\n", "");

        await page.ClickAsync("#read-aloud");
        await Assertions.Expect(page.Locator(".read-controls")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await page.ClickAsync(".read-controls >> text=暂停");
        await page.ClickAsync(".read-controls >> text=继续");
        Assert.Equal(["cancel", "pause", "resume"], await page.EvaluateAsync<string[]>("() => window.__calls"));
        await page.ClickAsync(".read-controls >> text=语速：正常");
        Assert.Equal(1.2, await page.EvaluateAsync<double>("() => window.__spoken.at(-1).rate"), 3);
        await ReadAllAsync(page);

        var spoken = await SpokenAsync(page);
        Assert.StartsWith("第六十条", spoken);
        // Everything of the article's text is read, nothing of the page around it.
        foreach (var sentence in statute.Split('。', StringSplitOptions.RemoveEmptyEntries).Take(3))
            Assert.Contains(sentence.Trim(), spoken);
        Assert.DoesNotContain("链接", spoken);
        Assert.DoesNotContain("文本来源", spoken);
        Assert.DoesNotContain("本条被以下内容引用", spoken);
        Assert.DoesNotContain("第六十一条", spoken);
        Assert.True(spoken.Length < 1500, $"{spoken.Length} characters read");
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task The_current_self_check_question_is_read_as_its_words_and_options()
    {
        await using var tab = await fixture.OpenAsync(375, 812);
        var page = tab.Page;
        await page.AddInitScriptAsync(SpeechStub);
        await page.GotoAsync(fixture.BaseUrl + "selfchecks/small-hotel/");
        await page.ClickAsync("#selfcheck-start");
        var question = page.Locator("fieldset.question.wizard-current");
        var text = await question.Locator(".q-text").InnerTextAsync();
        var options = await question.Locator(".q-option label").AllInnerTextsAsync();

        await page.ClickAsync("#read-aloud");
        await ReadAllAsync(page);
        var spoken = await SpokenAsync(page);
        Assert.StartsWith("第 1 题", spoken);
        Assert.Contains(text.Trim().TrimEnd('？', '?'), spoken);
        foreach (var option in options) Assert.Contains(option.Trim(), spoken);
        Assert.DoesNotContain("这一题为什么重要", spoken);
        Assert.DoesNotContain("下一步", spoken);
        Assert.DoesNotContain("做完自查", spoken);
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task Large_text_is_at_least_24px_persists_and_is_on_before_the_first_paint()
    {
        await using var tab = await fixture.OpenAsync("guides/", 375, 812);
        var page = tab.Page;
        await page.ClickAsync("#elder-toggle");
        Assert.True(await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize)") >= 24);

        // Recorded when the document starts, before any module script runs and before first paint.
        await page.AddInitScriptAsync("document.addEventListener('DOMContentLoaded', () => { window.__elderAtStart = document.documentElement.dataset.elder ?? 'off'; }, { once: true })");
        await page.ReloadAsync();
        Assert.Equal("on", await page.EvaluateAsync<string>("() => window.__elderAtStart"));
        await Assertions.Expect(page.Locator("#elder-toggle")).ToHaveAttributeAsync("aria-pressed", "true");

        // The header, menu included, leaves most of a phone's screen to the page (it took 566 of 812 px):
        // at most a third, with the search and every menu item still there.
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height <= 812 / 3.0, $"the header takes {header.Height} of 812 px in large text");
        Assert.True(await page.Locator(".site-search input").IsVisibleAsync());
        Assert.Equal(await page.Locator(".site-nav a").CountAsync(), await page.Locator(".site-nav a:visible").CountAsync());
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task No_page_type_scrolls_sideways_at_320px_in_either_text_size()
    {
        string[] paths = ["", "guides/", "articles/", "guides/voluntary-reporting/", "laws/", "laws/fire-protection-law/",
            "selfchecks/", "selfchecks/small-hotel/", "search/?q=灭火器", "about/", "no-such-page/"];
        foreach (var elder in new[] { false, true })
        {
            await using var tab = await fixture.OpenAsync(320, 640);
            var page = tab.Page;
            if (elder) await page.AddInitScriptAsync("localStorage.setItem('publicedu:elder', 'on')");
            foreach (var path in paths)
            {
                await page.GotoAsync(fixture.BaseUrl + path);
                if (path.StartsWith("search")) await page.WaitForSelectorAsync(".search-result");
                var overflow = await page.EvaluateAsync<string>("""
                    () => document.documentElement.scrollWidth <= innerWidth ? "" :
                      [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                        .slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
                    """);
                Assert.True(overflow.Length == 0, $"/{path}{(elder ? " in large text" : "")} scrolls sideways: {overflow}");
            }
        }
    }
}
