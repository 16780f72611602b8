using AngleSharp.Html.Parser;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Markdown;

/// <summary>Each citation form, built through a real page, must link to the right anchor.</summary>
public class CitationTests
{
    private static async Task<(List<(string Text, string Href, string? Key)> Links, Generator.Build.BuildResult Result)> CiteAsync(string body)
    {
        using var tree = new ContentTree().WithLaw().Write("guides/cite.md", ContentTree.Page("引用测试", body));
        var result = await tree.BuildAsync(write: false);
        var doc = new HtmlParser().ParseDocument(result.Html("guides/cite/index.html"));
        var links = doc.QuerySelectorAll("main a.cite")
            .Select(a => (a.TextContent, a.GetAttribute("href")!, a.GetAttribute("data-cite")))
            .ToList();
        return (links, result);
    }

    [Theory]
    [InlineData("依照《中华人民共和国测试法》第六十条处理。", "《中华人民共和国测试法》第六十条", "../../laws/test-law/#art-60")]
    [InlineData("见《测试法》第二条第一款第三项。", "《测试法》第二条第一款第三项", "../../laws/test-law/#art-2-1-3")]
    [InlineData("按测试法第60条办理。", "测试法第60条", "../../laws/test-law/#art-60")]
    [InlineData("见《测试法》第二条第二款。", "《测试法》第二条第二款", "../../laws/test-law/#art-2-2")]
    [InlineData("根据测试法第一条，", "测试法第一条", "../../laws/test-law/#art-1")]
    public async Task A_single_citation_links_to_its_anchor(string body, string linkText, string href)
    {
        var (links, result) = await CiteAsync(body);
        Assert.True(result.Succeeded, result.Describe());
        var link = Assert.Single(links);
        Assert.Equal(linkText, link.Text);
        Assert.Equal(href, link.Href);
        Assert.StartsWith("test-law/", link.Key);
    }

    [Fact]
    public async Task A_list_of_articles_links_each_one()
    {
        var (links, result) = await CiteAsync("见《测试法》第一条、第二条和第三条。");
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(["《测试法》第一条", "第二条", "第三条"], links.Select(l => l.Text));
        Assert.Equal(["../../laws/test-law/#art-1", "../../laws/test-law/#art-2", "../../laws/test-law/#art-3"], links.Select(l => l.Href));
    }

    [Fact]
    public async Task A_range_links_both_ends_and_counts_the_middle_as_cited()
    {
        using var tree = new ContentTree().WithLaw().Write("guides/cite.md", ContentTree.Page("范围", "## 依据\n\n见《测试法》第一条至第三条。"));
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        var doc = new HtmlParser().ParseDocument(result.Html("guides/cite/index.html"));
        var links = doc.QuerySelectorAll("main a.cite").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["../../laws/test-law/#art-1", "../../laws/test-law/#art-3"], links);
        Assert.Contains("至", doc.QuerySelector("main .prose p")!.TextContent);
        // Article 2 is inside the range, so its backlinks list this guide.
        var law = new HtmlParser().ParseDocument(result.Html("laws/test-law/index.html"));
        var backlinks = law.QuerySelectorAll("#art-2 .cited-by a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("../../guides/cite/#依据", backlinks);
    }

    [Fact]
    public async Task A_long_backlink_list_shows_self_checks_and_guides_first_and_links_to_a_search_for_the_rest()
    {
        using var tree = new ContentTree().WithLaw();
        for (var i = 1; i <= 14; i++)
            tree.Write($"articles/a{i:D2}.md", ContentTree.Page($"文章{i}", "依照《测试法》第三条办理。", "date: 2026-11-28\n"));
        tree.Write("guides/g.md", ContentTree.Page("指引", "依照《测试法》第三条办理。"));
        var result = await tree.WithSelfCheck().BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());

        var law = new HtmlParser().ParseDocument(result.Html("laws/test-law/index.html"));
        var shown = law.QuerySelectorAll("#art-3 .cited-by li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(Generator.Rendering.SiteRenderer.BacklinkLimit, shown.Count);
        Assert.StartsWith("../../selfchecks/test-check/", shown[0]);
        Assert.StartsWith("../../guides/g/", shown[1]);
        Assert.Equal("../../articles/a01/", shown[2]);
        // 16 places cite the article: the self-check, the guide and 14 articles; 12 are listed.
        var more = law.QuerySelector("#art-3 .cited-by-more")!;
        Assert.Contains("另有 4 处内容引用本条", more.TextContent);
        Assert.Equal("../../search/?q=" + Uri.EscapeDataString("测试法第三条"), more.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_bare_article_inside_a_law_page_means_that_law()
    {
        using var tree = new ContentTree().WithLaw();
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        var doc = new HtmlParser().ParseDocument(result.Html("laws/test-law/index.html"));
        // 第二条第二款 says "遵守本法第一条": a link within the same page.
        var link = Assert.Single(doc.QuerySelectorAll("#art-2-2 a.cite"));
        Assert.Equal("#art-1", link.GetAttribute("href"));
    }

    [Fact]
    public async Task A_bare_article_outside_a_law_page_is_left_as_text()
    {
        var (links, result) = await CiteAsync("该意见第十三条规定了四个条件。");
        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(links);
    }

    [Fact]
    public async Task The_page_carries_the_cited_article_text_for_previews()
    {
        using var tree = new ContentTree().WithLaw().Write("guides/cite.md", ContentTree.Page("预览", "《测试法》第二条"));
        var result = await tree.BuildAsync(write: false);
        var doc = new HtmlParser().ParseDocument(result.Html("guides/cite/index.html"));
        var json = doc.QuerySelector("script#cite-data")!.TextContent;
        using var data = System.Text.Json.JsonDocument.Parse(json);
        var article = data.RootElement.GetProperty("test-law/2");
        Assert.Equal("《测试法》第二条", article.GetProperty("t").GetString());
        Assert.Equal("单位应当履行下列职责：\n（一）第一项；\n（二）第二项；\n（三）第三项。\n个人应当遵守本法第一条。", article.GetProperty("x").GetString());
    }

    [Fact]
    public async Task An_unknown_law_is_an_error_naming_file_and_line()
    {
        var (_, result) = await CiteAsync("第一行。\n\n依照《不存在法》第一条。");
        var error = Assert.Single(result.WithCode(DiagnosticCodes.CitationUnknownLaw));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.EndsWith("guides/cite.md", error.Path);
        Assert.Equal(7, error.Line);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task An_article_the_digest_leaves_out_is_a_warning_and_links_to_the_law_page()
    {
        var (links, result) = await CiteAsync("见《测试法》第十条。");
        var warning = Assert.Single(result.WithCode(DiagnosticCodes.CitationNotDigested));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("../../laws/test-law/", Assert.Single(links).Href);
    }

    [Fact]
    public async Task An_article_number_the_law_does_not_have_is_an_error()
    {
        var (_, result) = await CiteAsync("见《测试法》第九十九条。");
        var error = Assert.Single(result.WithCode(DiagnosticCodes.CitationNoSuchArticle));
        Assert.Equal(5, error.Line);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task A_paragraph_or_item_the_article_does_not_have_is_an_error()
    {
        var (_, result) = await CiteAsync("见《测试法》第二条第一款第九项。");
        Assert.Single(result.WithCode(DiagnosticCodes.CitationNoSuchParagraph));
    }

    [Fact]
    public async Task A_malformed_numeral_is_an_error()
    {
        var (_, result) = await CiteAsync("见《测试法》第十十条。");
        Assert.Single(result.WithCode(DiagnosticCodes.CitationBadNumeral));
    }

    [Fact]
    public async Task A_backwards_range_is_an_error()
    {
        var (_, result) = await CiteAsync("见《测试法》第三条至第一条。");
        Assert.Single(result.WithCode(DiagnosticCodes.CitationBadRange));
    }

    [Fact]
    public async Task Citations_inside_links_and_code_are_not_touched()
    {
        var (links, result) = await CiteAsync("[《测试法》第一条](/laws/) 和 `《测试法》第二条`");
        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(links);
    }
}
