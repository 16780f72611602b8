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
        var index = SearchIndex.Build(SearchDocumentBuilder.Build(resolved), SearchIndex.LawNamesOf(resolved.Laws));
        var engine = new SearchEngine(index);
        string[] queries = ["消防法第六十条", "灭火器过期", "电动车充电", "楼道堆放杂物", "首次违法不罚", "行政处罚法 33条", "火"];

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
        Assert.All(await results.Locator(".type-badge").AllInnerTextsAsync(), t => Assert.Equal("法条", t));
        Assert.True(types.Count >= 1);

        await page.UncheckAsync("input[name=type][value=法条]");
        await page.FillAsync("#search-q", "消防法第六十条");
        await Assertions.Expect(results.First).ToContainTextAsync("第六十条");
        // Keyboard: from the box, ArrowDown reaches the first result; Enter opens it at the article.
        await page.FocusAsync("#search-q");
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
    public async Task The_header_search_box_goes_to_the_search_page()
    {
        await using var tab = await fixture.OpenAsync("guides/");
        var page = tab.Page;
        await page.FillAsync("#site-search-q", "灭火器");
        await page.PressAsync("#site-search-q", "Enter");
        await page.WaitForURLAsync("**/search/?q=*");
        await Assertions.Expect(page.Locator("#search-results > li").First).ToBeVisibleAsync();
    }
}
