using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Search;
using PublicEdu.Generator.Load;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.BrowserTests;

[Collection("browser")]
public class SearchBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task The_browser_analyzer_gives_the_shared_vectors_exactly()
    {
        await using var tab = await fixture.OpenAsync("search/");
        var vectors = await File.ReadAllTextAsync(Path.Combine(BrowserFixture.RepoRoot, "tests", "search", "analyzer-vectors.json"));
        var mismatches = await tab.Page.EvaluateAsync<string[]>("""
            async (vectors) => {
              const { tokenize } = await import(new URL("../js/search-analyzer.js", location.href).href);
              return JSON.parse(vectors)
                .filter(v => JSON.stringify(tokenize(v.text)) !== JSON.stringify(v.tokens))
                .map(v => `${v.text}: ${JSON.stringify(tokenize(v.text))}`);
            }
            """, vectors);
        Assert.Empty(mismatches);
    }

    [SkippableFact]
    public async Task The_browser_ranks_exactly_as_the_generator_does()
    {
        var diagnostics = new DiagnosticBag();
        var resolved = SiteResolver.Resolve(ContentLoader.Load(Path.Combine(BrowserFixture.RepoRoot, "content"), diagnostics)!, diagnostics);
        var synonyms = Synonyms.Load(Path.Combine(BrowserFixture.RepoRoot, "content"), diagnostics)!;
        var index = SearchIndex.Build(SearchDocumentBuilder.Build(resolved), SearchIndex.LawNamesOf(resolved.Laws), synonyms: synonyms);
        var engine = new SearchEngine(index);
        string[] queries = ["消防法第六十条", "灭火器过期", "电动车充电", "楼道堆放杂物", "首次违法不罚", "行政处罚法 33条", "火",
            "电瓶车 楼道", "民宿", "旅馆自查", "灭火筒", "小电驴充电", "消防法第六十条 罚款", "KTV", "三合一 住人", "119"];

        await using var tab = await fixture.OpenAsync("search/");
        foreach (var query in queries)
        {
            var expected = engine.Search(query).Take(10).Select(r => r.Doc).ToArray();
            var actual = await tab.Page.EvaluateAsync<int[]>("""
                async (q) => {
                  const { search } = await import(new URL("../js/search.js", location.href).href);
                  return (await search(q)).slice(0, 10).map(r => r[0]);
                }
                """, query);
            Assert.True(expected.SequenceEqual(actual), $"{query}: C# {string.Join(",", expected)} vs JS {string.Join(",", actual)}");
        }
    }

    [SkippableFact]
    public async Task Typing_shows_highlighted_results_that_filter_and_open_at_their_anchor()
    {
        await using var tab = await fixture.OpenAsync("search/");
        var page = tab.Page;
        await page.Locator("#search-q").PressSequentiallyAsync("疏散通道", new LocatorPressSequentiallyOptions { Delay = 30 });
        var results = page.Locator("#search-results > li");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0);
        Assert.Contains("q=%E7%96%8F", page.Url);

        var types = (await results.Locator(".type-badge").AllInnerTextsAsync()).Distinct().ToList();
        await page.CheckAsync("input[name=type][value=法条]");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("只看法条");
        // Results are grouped under their page; with only 法条, every page is a law.
        Assert.All(await results.Locator(".type-badge").AllInnerTextsAsync(), t => Assert.Equal("法律法规", t));
        Assert.True(types.Count >= 1);

        await page.UncheckAsync("input[name=type][value=法条]");
        await page.FillAsync("#search-q", "消防法第六十条");
        await Assertions.Expect(results.First).ToContainTextAsync("第六十条");
        // The article itself, under its law, before the keys are pressed (not the last query's results).
        await Assertions.Expect(results.First.Locator(".result-passages a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("#art-60$"));
        // Keyboard: from the box, ArrowDown reaches the first result's page, then the article; Enter opens it there.
        await page.FocusAsync("#search-q");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/laws/fire-protection-law/#art-60");
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_shared_URL_runs_the_query_and_no_results_points_somewhere_useful()
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync(fixture.BaseUrl + "search/?q=" + Uri.EscapeDataString("灭火器"));
        await Assertions.Expect(page.Locator("#search-results > li").First).ToBeVisibleAsync();
        await page.FillAsync("#search-q", "zzqqxx");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("没有找到");
        Assert.Equal(3, await page.Locator("#search-status a").CountAsync());
        await tab.AssertAccessibleAsync();
        await page.FillAsync("#search-q", "电动车");
        await Assertions.Expect(page.Locator("#search-results > li").First).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
    }

    [SkippableFact]
    public async Task A_colloquial_word_finds_the_e_bike_guide_on_a_phone_with_the_first_result_on_screen()
    {
        await using var tab = await fixture.OpenAsync("search/", 375, 812);
        var page = tab.Page;
        await page.Locator("#search-q").PressSequentiallyAsync("电瓶车 楼道", new LocatorPressSequentiallyOptions { Delay = 30 });
        var results = page.Locator("#search-results > li");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        // The e-bike guide, or a question about e-bikes, among the first three results (page or passage).
        var links = new List<string>();
        for (var i = 0; i < Math.Min(3, await results.CountAsync()); i++)
            links.AddRange(await results.Nth(i).Locator("a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));
        Assert.Contains(links, l => l.Contains("guides/e-bike-charging/") || l.Contains("#q-ebike"));
        // The synonym is highlighted where the site says it its own way.
        Assert.Contains("电动自行车", await page.Locator("#search-results mark").AllInnerTextsAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ArtifactsDir, "search-phone-e-bike.png") });
        // On a 375×812 phone, the first result's title is on screen without scrolling.
        var box = await results.First.Locator("h2").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= 812, $"first result ends at {box.Y + box.Height} px");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.scrollY"));
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task Highlights_cover_whole_words_and_snippets_keep_list_items_apart()
    {
        await using var tab = await fixture.OpenAsync("search/");
        var page = tab.Page;
        foreach (var (query, word) in new[] { ("灭火器", "灭火器"), ("电动车充电", "充电"), ("安全出口上锁", "安全出口") })
        {
            await page.FillAsync("#search-q", query);
            await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("找到");
            var problems = await page.EvaluateAsync<string[]>("""
                (word) => {
                  const problems = [];
                  for (const el of document.querySelectorAll("#search-results h2 a, #search-results .result-passage a, #search-results .result-snippet")) {
                    // Where the text has the word, one mark must hold all of it: 灭火|器 is a split.
                    let offset = 0;
                    const marks = [];
                    for (const node of el.childNodes) {
                      const length = node.textContent.length;
                      if (node.nodeName === "MARK") marks.push([offset, offset + length]);
                      offset += length;
                    }
                    const text = el.textContent;
                    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
                      if (!marks.some(([s, e]) => s <= at && at + word.length <= e)) problems.push(`split: ${text}`);
                    if (el.innerHTML.includes("</mark><mark>")) problems.push(`adjacent marks: ${el.innerHTML}`);
                    // A run-on list: two items glued by a bare space between Chinese characters.
                    if (el.classList.contains("result-snippet") && /[\u4e00-\u9fff] +[\u4e00-\u9fff]/.test(text)) problems.push(`run-on: ${text}`);
                  }
                  return problems;
                }
                """, word);
            Assert.True(problems.Length == 0, query + ":\n" + string.Join("\n", problems));
            Assert.True(await page.Locator("#search-results mark").CountAsync() > 0, query);
        }
        // A question's options come out as separate items, joined by "；"; a snippet is a few whole
        // sentences or items, so it stays short.
        await page.FillAsync("#search-q", "安全出口上锁");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("找到");
        var snippets = await page.Locator("#search-results .result-passages .result-snippet").AllInnerTextsAsync();
        Assert.Contains(snippets, s => s.Contains('；'));
        Assert.All(snippets, s => Assert.InRange(s.Length, 1, 220));
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task The_header_search_box_goes_to_the_search_page()
    {
        await using var tab = await fixture.OpenAsync("guides/");
        var page = tab.Page;
        await page.FillAsync("#site-search-q", "灭火器");
        await page.PressAsync("#site-search-q", "Enter");
        await page.WaitForURLAsync("**/search/?q=*");
        await Assertions.Expect(page.Locator("#search-results > li").First).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Results_for_a_query_in_the_address_arrive_without_moving_what_is_on_screen()
    {
        await using var tab = await fixture.OpenAsync(375, 812);
        var page = tab.Page;
        // Layout shifts as Chromium scores them for CLS, from the first paint on.
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
              .observe({ type: "layout-shift", buffered: true });
            """);
        await page.GotoAsync(fixture.BaseUrl + "search/?q=" + Uri.EscapeDataString("灭火器"));
        await page.WaitForSelectorAsync(".search-result");
        await page.EvaluateAsync("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var shift = await page.EvaluateAsync<double>("() => window.__shift");
        Assert.True(shift < 0.03, $"layout shift {shift:0.000} while the results arrived");
    }
}
