using AngleSharp.Html.Parser;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Content;

/// <summary>Problems found by trying the generator as an author would; each stays fixed.</summary>
public class RegressionTests
{
    [Fact]
    public async Task A_duplicate_URL_is_one_error_and_the_other_problems_are_still_reported()
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", ContentTree.Page("甲", "正文。", "slug: same\n"))
            .Write("guides/b.md", ContentTree.Page("乙", "[去](/guides/nowhere/)", "slug: same\n"))
            .Write("guides/c.md", ContentTree.Page("丙", "[去](/guides/missing/)"));
        var result = await tree.BuildAsync(write: false);
        Assert.Empty(result.WithCode(DiagnosticCodes.InternalError));
        Assert.Single(result.WithCode(DiagnosticCodes.DuplicateUrl));
        Assert.Contains(result.WithCode(DiagnosticCodes.BrokenLink), d => d.Path.EndsWith("guides/c.md"));
    }

    [Fact]
    public async Task The_error_count_matches_the_printed_errors()
    {
        using var tree = new ContentTree().WithLaw();
        tree.Write("laws/other.md", ContentTree.MiniLaw.Replace("slug: test-law", "slug: other-law"));
        var result = await tree.BuildAsync(write: false);
        Assert.Equal(result.Diagnostics.Count(d => d.Severity == Severity.Error), result.ErrorCount);
    }

    [Fact]
    public async Task A_broken_navigation_link_is_one_error_on_its_site_yml_line()
    {
        using var tree = new ContentTree(ContentTree.SiteYml + "\n  - title: 不存在\n    url: /nowhere/\n");
        tree.Write("guides/a.md", ContentTree.Page("甲", "正文。"));
        var result = await tree.BuildAsync(write: false);
        var error = Assert.Single(result.WithCode(DiagnosticCodes.BrokenLink));
        Assert.EndsWith("site.yml", error.Path);
        Assert.Equal(10, error.Line);
    }

    [Fact]
    public async Task A_missing_trailing_slash_is_explained_with_the_link_as_written()
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", ContentTree.Page("甲", "正文。")).Write("guides/b.md", ContentTree.Page("乙", "[去](/guides/a)"));
        var result = await tree.BuildAsync(write: false);
        var error = Assert.Single(result.WithCode(DiagnosticCodes.BrokenLink));
        Assert.Contains("“/guides/a”", error.Message);
        Assert.Contains("请写成“/guides/a/”", error.Message);
    }

    [Fact]
    public async Task A_missing_page_with_a_fragment_is_a_broken_link_not_a_broken_fragment()
    {
        using var tree = new ContentTree();
        tree.Write("guides/b.md", ContentTree.Page("乙", "[去](/guides/nowhere/#x)"));
        var result = await tree.BuildAsync(write: false);
        Assert.Single(result.WithCode(DiagnosticCodes.BrokenLink));
        Assert.Empty(result.WithCode(DiagnosticCodes.BrokenFragment));
    }

    [Fact]
    public async Task In_law_notes_a_bare_article_of_another_document_is_not_linked_to_this_law()
    {
        var law = ContentTree.MiniLaw.Replace("第三条正文。", "第三条正文。\n\n::: 解读\n该意见第十三条规定了条件；本法第一条说明目的。\n:::");
        using var tree = new ContentTree().Write("laws/test-law.md", law);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        var doc = new HtmlParser().ParseDocument(result.Html("laws/test-law/index.html"));
        var links = doc.QuerySelectorAll("#art-3 .callout a.cite").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("本法第一条", "#art-1")], links);
    }

    [Fact]
    public async Task Statute_text_quoting_a_law_the_site_lacks_is_not_an_error()
    {
        var law = ContentTree.MiniLaw.Replace("第三条正文。", "依照《中华人民共和国刑法》第一百三十九条追究刑事责任。");
        using var tree = new ContentTree().Write("laws/test-law.md", law);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.StartsWith("PE03"));
    }

    [Fact]
    public async Task Article_headings_are_not_citations()
    {
        using var tree = new ContentTree().Write("laws/test-law.md", ContentTree.MiniLaw.Replace("### 第六十条", "### 第八十条"));
        var result = await tree.BuildAsync(write: false);
        Assert.Single(result.WithCode(DiagnosticCodes.LawArticleOutOfRange));
        Assert.Empty(result.WithCode(DiagnosticCodes.CitationNoSuchArticle));
    }

    [Fact]
    public async Task An_item_without_a_paragraph_means_the_first_paragraph_and_is_checked()
    {
        using var tree = new ContentTree().WithLaw().Write("guides/c.md", ContentTree.Page("引", "《测试法》第二条第三项；《测试法》第二条第九项"));
        var result = await tree.BuildAsync(write: false);
        Assert.Single(result.WithCode(DiagnosticCodes.CitationNoSuchParagraph));
        var doc = new HtmlParser().ParseDocument(result.Html("guides/c/index.html"));
        Assert.Equal("../../laws/test-law/#art-2-1-3", doc.QuerySelector("main a.cite")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Full_width_block_fences_and_Chinese_commas_in_lists_are_reported()
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", "---\ntitle: 甲\ntags: [消防，疏散]\n---\n\n：：：提示\n内容\n：：：\n");
        var result = await tree.BuildAsync(write: false);
        Assert.Contains(result.WithCode(DiagnosticCodes.UnknownBlock), d => d.Line == 6);
        Assert.Contains(result.WithCode(DiagnosticCodes.FieldWrongType), d => d.Line == 3 && d.Severity == Severity.Warning);
    }

    [Fact]
    public async Task A_reserved_file_name_says_it_is_reserved()
    {
        using var tree = new ContentTree();
        tree.Write("search.md", ContentTree.Page("搜索", "正文。"));
        var result = await tree.BuildAsync(write: false);
        Assert.Contains("保留", Assert.Single(result.WithCode(DiagnosticCodes.InvalidSlug)).Message);
    }

    [Fact]
    public async Task In_a_law_intro_a_bare_article_is_not_linked_to_this_law()
    {
        var law = ContentTree.MiniLaw.Replace("## 第一章 总则", "引言里提到该意见第十三条。\n\n## 第一章 总则");
        using var tree = new ContentTree().Write("laws/test-law.md", law);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        var doc = new HtmlParser().ParseDocument(result.Html("laws/test-law/index.html"));
        Assert.Empty(doc.QuerySelectorAll(".law > .prose a.cite"));
    }

    [Fact]
    public async Task Text_between_questions_is_reported_not_dropped()
    {
        using var tree = new ContentTree().WithSelfCheck(ContentTree.MiniSelfCheck.Replace("::: question gas", "这段说明会丢失。\n\n::: question gas"));
        var result = await tree.BuildAsync(write: false);
        Assert.Contains(result.WithCode(DiagnosticCodes.QuestionMalformed), d => d.Line == 22);
    }

    [Theory]
    [InlineData("tags: 消防，疏散")]
    [InlineData("tags: [消防，疏散, 火灾]")]
    public async Task A_Chinese_comma_anywhere_in_a_list_is_reported(string line)
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", $"---\ntitle: 甲\n{line}\n---\n\n正文。\n");
        var result = await tree.BuildAsync(write: false);
        Assert.Contains(result.WithCode(DiagnosticCodes.FieldWrongType), d => d.Line == 3 && d.Severity == Severity.Warning);
    }

    [Fact]
    public async Task A_Chinese_comma_inside_one_item_of_a_dash_list_is_no_mistake()
    {
        // "- 甲，乙" on its own line is one item by any reading; only a one-line list can have meant two.
        using var tree = new ContentTree();
        tree.Write("guides/a.md", "---\ntitle: 甲\ntags:\n  - 消防，疏散\n  - 火灾\n---\n\n正文。\n");
        var result = await tree.BuildAsync(write: false);
        Assert.Empty(result.WithCode(DiagnosticCodes.FieldWrongType));
    }

    [Fact]
    public async Task Canonical_links_are_absolute_and_honour_the_base_path()
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", ContentTree.Page("甲", "正文。"));
        var result = await tree.BuildAsync(write: false, basePath: "/publicedu/");
        var doc = new HtmlParser().ParseDocument(result.Html("guides/a/index.html"));
        Assert.Equal("https://fire.example.test/publicedu/guides/a/", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://fire.example.test/publicedu/guides/a/", doc.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Contains("Sitemap: https://fire.example.test/publicedu/sitemap.xml", result.Html("robots.txt"));
    }
}
