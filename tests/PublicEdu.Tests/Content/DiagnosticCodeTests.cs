using System.Text;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Content;

/// <summary>
/// One small broken content tree per diagnostic code: the code must be reported, with the
/// right severity, file and line, and an error must fail the build.
/// </summary>
public class DiagnosticCodeTests
{
    public sealed record Case(string Name, string Code, Severity Severity, string FileSuffix, int Line, Action<ContentTree> Arrange)
    {
        public override string ToString() => $"{Code} {Name}";
    }

    private static string Page(string title, string body = "正文。", string extra = "") => ContentTree.Page(title, body, extra);

    public static readonly TheoryData<Case> Cases = new()
    {
        new("not UTF-8", DiagnosticCodes.NotUtf8, Severity.Error, "guides/gbk.md", 5, t => t.WriteBytes("guides/gbk.md",
            [.. Encoding.UTF8.GetBytes("---\ntitle: x\n---\n\n"), 0xCF, 0xFB, 0xB7, 0xC0, (byte)'\n'])),
        new("markdown in an unknown folder", DiagnosticCodes.UnsupportedFile, Severity.Error, "misc/x.md", 0, t => t.Write("misc/x.md", Page("杂项"))),
        new("broken YAML", DiagnosticCodes.FrontMatterSyntax, Severity.Error, "guides/yaml.md", 3, t => t.Write("guides/yaml.md",
            "---\ntitle: 标题\ntags: [甲, 乙\nsummary: 摘要\n---\n\n正文。\n")),
        new("missing title", DiagnosticCodes.RequiredFieldMissing, Severity.Error, "guides/notitle.md", 2, t => t.Write("guides/notitle.md",
            "---\nsummary: 没有标题\n---\n\n正文。\n")),
        new("article without date", DiagnosticCodes.RequiredFieldMissing, Severity.Error, "articles/nodate.md", 2, t => t.Write("articles/nodate.md",
            "---\ntitle: 文章\n---\n\n正文。\n")),
        new("wrong type", DiagnosticCodes.FieldWrongType, Severity.Error, "guides/type.md", 4, t => t.Write("guides/type.md",
            "---\ntitle: 标题\ntags:\n  甲: 乙\n---\n\n正文。\n")),
        new("toc not a boolean", DiagnosticCodes.FieldWrongType, Severity.Error, "guides/toc.md", 3, t => t.Write("guides/toc.md",
            "---\ntitle: 标题\ntoc: 也许\n---\n\n正文。\n")),
        new("unknown key", DiagnosticCodes.UnknownField, Severity.Warning, "guides/key.md", 3, t => t.Write("guides/key.md",
            "---\ntitle: 标题\ntitel: 拼错\n---\n\n正文。\n")),
        new("Chinese file name", DiagnosticCodes.NonAsciiFileName, Severity.Error, "guides/主动申报.md", 1, t => t.Write("guides/主动申报.md", Page("主动申报"))),
        new("bad slug", DiagnosticCodes.InvalidSlug, Severity.Error, "guides/slug.md", 3, t => t.Write("guides/slug.md",
            "---\ntitle: 标题\nslug: Bad Slug\n---\n\n正文。\n")),
        new("reserved slug", DiagnosticCodes.InvalidSlug, Severity.Error, "guides.md", 3, t => t.Write("guides.md",
            "---\ntitle: 标题\nslug: laws\n---\n\n正文。\n")),
        new("duplicate URL", DiagnosticCodes.DuplicateUrl, Severity.Error, "guides/b.md", 1, t => t
            .Write("guides/a.md", Page("甲", extra: "slug: same\n")).Write("guides/b.md", Page("乙", extra: "slug: same\n"))),
        new("bad date", DiagnosticCodes.InvalidDate, Severity.Error, "articles/date.md", 3, t => t.Write("articles/date.md",
            "---\ntitle: 文章\ndate: 2026/11/28\n---\n\n正文。\n")),
        new("raw HTML while disabled", DiagnosticCodes.RawHtmlDisabled, Severity.Warning, "guides/html.md", 7, t => t.Write("guides/html.md",
            Page("HTML", "第一段。\n\n<div onclick=\"x()\">点我</div>"))),
        new("unclosed block", DiagnosticCodes.UnclosedBlock, Severity.Error, "guides/open.md", 5, t => t.Write("guides/open.md",
            Page("块", "::: 提示\n没有结束"))),
        new("unknown block", DiagnosticCodes.UnknownBlock, Severity.Error, "guides/kind.md", 5, t => t.Write("guides/kind.md",
            Page("块", "::: 乱写\n内容\n:::"))),
        new("no front matter", DiagnosticCodes.FrontMatterMissing, Severity.Error, "guides/nofm.md", 1, t => t.Write("guides/nofm.md", "# 标题\n\n正文\n")),
        new("unterminated front matter", DiagnosticCodes.FrontMatterMissing, Severity.Error, "guides/openfm.md", 1, t => t.Write("guides/openfm.md", "---\ntitle: 标题\n\n正文\n")),
        new("empty page", DiagnosticCodes.EmptyPage, Severity.Warning, "guides/empty.md", 1, t => t.Write("guides/empty.md", "---\ntitle: 空\n---\n")),
        new("site.yml syntax", DiagnosticCodes.SiteConfigSyntax, Severity.Error, "site.yml", 2, t => t.Write("site.yml", "title: 站点\nnavigation: [\n")),
        new("site.yml bad indentation", DiagnosticCodes.SiteConfigSyntax, Severity.Error, "site.yml", 3, t => t.Write("site.yml", "title: 站点\nbase_url: https://fire.example.test\n  bad: x\n")),
        new("folder symlink", DiagnosticCodes.FolderLinkNotFollowed, Severity.Error, "loop/up", 0, t =>
        {
            Directory.CreateDirectory(Path.Combine(t.ContentDir, "loop"));
            Directory.CreateSymbolicLink(Path.Combine(t.ContentDir, "loop", "up"), t.ContentDir);
        }),
        new("site.yml bad base_url", DiagnosticCodes.SiteConfigInvalid, Severity.Error, "site.yml", 2, t => t.Write("site.yml", "title: 站点\nbase_url: not a url\n")),
        new("site.yml nav without slash", DiagnosticCodes.SiteConfigInvalid, Severity.Error, "site.yml", 4, t => t.Write("site.yml",
            "title: 站点\nbase_url: https://fire.example.test\nnavigation:\n  - title: 指引\n    url: guides/\n")),
        new("site.yml without base_url", DiagnosticCodes.BaseUrlMissing, Severity.Warning, "site.yml", 1, t => t.Write("site.yml", "title: 站点\n")),
        new("site.yml without title", DiagnosticCodes.RequiredFieldMissing, Severity.Error, "site.yml", 1, t => t.Write("site.yml", "base_url: https://fire.example.test\n")),
        new("law heading", DiagnosticCodes.LawHeadingInvalid, Severity.Error, "laws/test-law.md", 30, t => t.Write("laws/test-law.md",
            ContentTree.MiniLaw.Replace("### 第三条", "### 第三条 标题"))),
        new("law list inside an article", DiagnosticCodes.LawHeadingInvalid, Severity.Error, "laws/test-law.md", 34, t => t.Write("laws/test-law.md",
            ContentTree.MiniLaw.Replace("第三条正文。", "第三条正文。\n\n- 列表"))),
        new("duplicate article", DiagnosticCodes.LawArticleDuplicate, Severity.Error, "laws/test-law.md", 34, t => t.Write("laws/test-law.md",
            ContentTree.MiniLaw.Replace("### 第六十条", "### 第三条"))),
        new("article beyond the law", DiagnosticCodes.LawArticleOutOfRange, Severity.Error, "laws/test-law.md", 34, t => t.Write("laws/test-law.md",
            ContentTree.MiniLaw.Replace("### 第六十条", "### 第八十条"))),
        new("two laws share a name", DiagnosticCodes.LawNameDuplicate, Severity.Error, "laws/", 1, t => t.WithLaw().Write("laws/other.md",
            ContentTree.MiniLaw.Replace("slug: test-law", "slug: other-law").Replace("title: 中华人民共和国测试法", "title: 另一部法"))),
        new("articles out of order", DiagnosticCodes.LawArticleOrder, Severity.Warning, "laws/test-law.md", 34, t => t.Write("laws/test-law.md",
            ContentTree.MiniLaw.Replace("### 第三条\n\n第三条正文。\n\n### 第六十条\n\n第六十条正文。", "### 第六十条\n\n第六十条正文。\n\n### 第三条\n\n第三条正文。"))),
        new("empty article", DiagnosticCodes.LawArticleEmpty, Severity.Error, "laws/test-law.md", 30, t => t.Write("laws/test-law.md",
            ContentTree.MiniLaw.Replace("第三条正文。", ""))),
        new("law without article_count", DiagnosticCodes.RequiredFieldMissing, Severity.Error, "laws/test-law.md", 2, t => t.Write("laws/test-law.md",
            ContentTree.MiniLaw.Replace("article_count: 70\n", ""))),
        new("unknown law", DiagnosticCodes.CitationUnknownLaw, Severity.Error, "guides/c.md", 5, t => t.WithLaw().Write("guides/c.md", Page("引", "《没有法》第一条"))),
        new("article not digested", DiagnosticCodes.CitationNotDigested, Severity.Warning, "guides/c.md", 5, t => t.WithLaw().Write("guides/c.md", Page("引", "《测试法》第五条"))),
        new("no such article", DiagnosticCodes.CitationNoSuchArticle, Severity.Error, "guides/c.md", 5, t => t.WithLaw().Write("guides/c.md", Page("引", "《测试法》第七十一条"))),
        new("bad numeral", DiagnosticCodes.CitationBadNumeral, Severity.Error, "guides/c.md", 5, t => t.WithLaw().Write("guides/c.md", Page("引", "《测试法》第一百五条"))),
        new("no such item", DiagnosticCodes.CitationNoSuchParagraph, Severity.Error, "guides/c.md", 5, t => t.WithLaw().Write("guides/c.md", Page("引", "《测试法》第一条第二款"))),
        new("backwards range", DiagnosticCodes.CitationBadRange, Severity.Error, "guides/c.md", 5, t => t.WithLaw().Write("guides/c.md", Page("引", "《测试法》第三条至第二条"))),
        new("questionnaire without questions", DiagnosticCodes.QuestionnaireEmpty, Severity.Error, "selfchecks/test-check.md", 1, t => t.WithSelfCheck(
            "---\ntitle: 空问卷\npremises: 商店\nreviewed: 2026-11-28\n---\n\n引言。\n")),
        new("duplicate question id", DiagnosticCodes.QuestionDuplicateId, Severity.Error, "selfchecks/test-check.md", 22, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("::: question gas", "::: question exits-clear").Replace("if=gas:", "if=exits-clear:"))),
        new("option without outcome", DiagnosticCodes.OptionNoOutcome, Severity.Error, "selfchecks/test-check.md", 18, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("- 畅通 {合规}", "- 畅通"))),
        new("unknown outcome", DiagnosticCodes.OptionNoOutcome, Severity.Error, "selfchecks/test-check.md", 18, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("- 畅通 {合规}", "- 畅通 {还行}"))),
        new("condition on a later question", DiagnosticCodes.ConditionInvalid, Severity.Error, "selfchecks/test-check.md", 13, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("::: question exits-clear", "::: question exits-clear if=gas:只用电"))),
        new("condition on an unknown question", DiagnosticCodes.ConditionInvalid, Severity.Error, "selfchecks/test-check.md", 29, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("if=gas:瓶装液化气", "if=fuel:瓶装液化气"))),
        new("condition on an unknown option", DiagnosticCodes.ConditionInvalid, Severity.Error, "selfchecks/test-check.md", 29, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("if=gas:瓶装液化气", "if=gas:天然气"))),
        new("question outside a section", DiagnosticCodes.QuestionMalformed, Severity.Error, "selfchecks/test-check.md", 7, t => t.WithSelfCheck(
            "---\ntitle: 问卷\npremises: 商店\nreviewed: 2026-11-28\n---\n\n::: question a\n问？\n\n- 是 {合规}\n:::\n")),
        new("option names no catalogue hazard", DiagnosticCodes.HazardUnknown, Severity.Error, "selfchecks/test-check.md", 19, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("{隐患：exits-blocked}", "{隐患：exit-blocked}"))),
        new("hazard option without an id", DiagnosticCodes.OptionRestatesHazard, Severity.Error, "selfchecks/test-check.md", 19, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("{隐患：exits-blocked}", "{隐患}"))),
        new("option restates the hazard's severity", DiagnosticCodes.OptionRestatesHazard, Severity.Error, "selfchecks/test-check.md", 20, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("{隐患：exits-blocked}\n", "{隐患：exits-blocked}\n  等级：一般隐患\n"))),
        new("hazard for other premises", DiagnosticCodes.HazardNotForPremises, Severity.Error, "selfchecks/test-check.md", 19, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("免罚：主动申报\n", "免罚：主动申报\n场所：人员密集场所\n")).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck)),
        new("unknown premises class in a questionnaire", DiagnosticCodes.PremisesClassUnknown, Severity.Error, "selfchecks/test-check.md", 7, t => t.WithSelfCheck(
            ContentTree.MiniSelfCheck.Replace("reviewed: 2026-11-28\n", "reviewed: 2026-11-28\nclasses: [学校]\n"))),
        new("unknown premises class in the catalogue", DiagnosticCodes.PremisesClassUnknown, Severity.Error, "hazards/test.md", 24, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("免罚：主动申报\n", "免罚：主动申报\n等级（学校）：较大隐患\n")).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck)),
        new("hazard without fix", DiagnosticCodes.HazardIncomplete, Severity.Error, "hazards/test.md", 15, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("整改：立即清理。\n", ""))),
        new("hazard without citation", DiagnosticCodes.HazardIncomplete, Severity.Error, "hazards/test.md", 18, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("违反：《测试法》第二条第一款第三项", "违反：消防规定"))),
        new("hazard citation that does not resolve", DiagnosticCodes.CitationNoSuchArticle, Severity.Error, "hazards/test.md", 18, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("违反：《测试法》第二条第一款第三项", "违反：《测试法》第九十条"))),
        new("bad severity", DiagnosticCodes.HazardValueInvalid, Severity.Error, "hazards/test.md", 20, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("等级：较大隐患", "等级：很严重"))),
        new("bad deadline", DiagnosticCodes.HazardValueInvalid, Severity.Error, "hazards/test.md", 22, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("期限：立即\n免罚：主动申报", "期限：尽快\n免罚：主动申报"))),
        new("a 较大 hazard offers 首违不罚", DiagnosticCodes.ExemptionNotAllowed, Severity.Error, "hazards/test.md", 23, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("免罚：主动申报", "免罚：首违不罚、主动申报"))),
        new("a possible 重大 hazard offers a scheme", DiagnosticCodes.ExemptionNotAllowed, Severity.Error, "hazards/test.md", 35, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("免罚：无", "免罚：主动申报"))),
        new("a hazard without a penalty offers a scheme", DiagnosticCodes.ExemptionNotAllowed, Severity.Error, "hazards/test.md", 23, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("处罚：《测试法》第六十条", "处罚：无直接罚则"))),
        new("a scheme exemptions.yml lacks", DiagnosticCodes.ExemptionNotAllowed, Severity.Error, "hazards/test.md", 23, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("免罚：主动申报", "免罚：一律免罚"))),
        new("a bare 款 after a penalty", DiagnosticCodes.HazardValueInvalid, Severity.Error, "hazards/test.md", 19, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("处罚：《测试法》第六十条", "处罚：《测试法》第六十条、第二款"))),
        new("penalty not in the penalty table", DiagnosticCodes.PenaltyNotRegistered, Severity.Error, "hazards/test.md", 19, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("处罚：《测试法》第六十条", "处罚：《测试法》第三条"))),
        new("penalty that does not punish the duty", DiagnosticCodes.PenaltyDoesNotCover, Severity.Error, "hazards/test.md", 19, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("违反：《测试法》第二条第一款第三项", "违反：《测试法》第一条"))),
        new("hazard id used twice", DiagnosticCodes.HazardDuplicateId, Severity.Error, "hazards/test.md", 26, t => t
            .WithCatalogue(ContentTree.MiniCatalogue.Replace("::: hazard lpg-basement", "::: hazard exits-blocked"))),
        new("advice with a penalty", DiagnosticCodes.AdviceWithLegalClaim, Severity.Error, "hazards/test.md", 43, t => t
            .WithCatalogue(ContentTree.MiniCatalogue + "\n\n::: hazard ebike-indoor\n在室内给电动车充电\n\n性质：安全建议\n说明：很危险。\n处罚：《测试法》第六十条\n整改：移到室外。\n期限：立即\n:::\n")),
        new("questionnaire without exemptions.yml", DiagnosticCodes.RulesMissing, Severity.Error, "selfchecks/test-check.md", 1, t =>
        {
            t.WithSelfCheck();
            File.Delete(Path.Combine(t.ContentDir, "exemptions.yml"));
        }),
        new("exemptions.yml with a bad level", DiagnosticCodes.RulesInvalid, Severity.Error, "exemptions.yml", 13, t => t
            .WithCatalogue(rules: ContentTree.MiniRules.Replace("max_severity: 一般隐患", "max_severity: 很严重")).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck)),
        new("exemptions.yml names an article the site lacks", DiagnosticCodes.RulesInvalid, Severity.Error, "exemptions.yml", 1, t => t
            .WithCatalogue(rules: ContentTree.MiniRules.Replace("article: 3", "article: 69")).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck)),
        new("self-checks without a reporting channel", DiagnosticCodes.ReportingChannelMissing, Severity.Warning, "site.yml", 1, t => t.WithSelfCheck()),
        new("empty file", DiagnosticCodes.FrontMatterMissing, Severity.Error, "guides/empty-file.md", 1, t => t.Write("guides/empty-file.md", "")),
        new("a 50 MB file", DiagnosticCodes.FileTooLarge, Severity.Error, "guides/huge.md", 0, t => t.Write("guides/huge.md",
            "---\ntitle: 大\n---\n\n" + new string('火', 50 * 1024 * 1024 / 3))),
        new("full-width colons in front matter", DiagnosticCodes.FrontMatterSyntax, Severity.Error, "guides/colon.md", 2, t => t.Write("guides/colon.md",
            "---\ntitle：标题\nsummary：摘要\n---\n\n正文。\n")),
        new("mixed line endings keep line numbers", DiagnosticCodes.CitationNoSuchArticle, Severity.Error, "guides/mixed.md", 7, t => t.WithLaw().Write("guides/mixed.md",
            "---\r\ntitle: 混合\n---\r\n\n第一段。\r\n\r《测试法》第九十九条\n")),
        new("absolute file path link", DiagnosticCodes.BrokenLink, Severity.Error, "guides/l.md", 5, t => t.Write("guides/l.md", Page("链", "[密码](/etc/passwd)"))),
        new("data: link", DiagnosticCodes.UnsafeLink, Severity.Error, "guides/l.md", 5, t => t.Write("guides/l.md", Page("链", "[点](data:text/html,<b>x</b>)"))),
        new("broken page link", DiagnosticCodes.BrokenLink, Severity.Error, "guides/l.md", 7, t => t.Write("guides/l.md", Page("链", "第一段。\n\n[去](/guides/nowhere/)"))),
        new("link to a missing Markdown file", DiagnosticCodes.BrokenLink, Severity.Error, "guides/l.md", 5, t => t.Write("guides/l.md", Page("链", "[去](missing.md)"))),
        new("javascript: link", DiagnosticCodes.UnsafeLink, Severity.Error, "guides/l.md", 5, t => t.Write("guides/l.md", Page("链", "[点](javascript:alert(1))"))),
        new("scheme-relative link", DiagnosticCodes.UnsafeLink, Severity.Error, "guides/l.md", 5, t => t.Write("guides/l.md", Page("链", "[点](//evil.example/x)"))),
        new("link escaping the site", DiagnosticCodes.LinkEscapesSite, Severity.Error, "guides/l.md", 5, t => t.Write("guides/l.md", Page("链", "[点](../../../etc/passwd)"))),
        new("single-quoted link in raw HTML", DiagnosticCodes.BrokenLink, Severity.Error, "guides/raw.md", 5, t => t.Write("site.yml", ContentTree.SiteYml + "\nallow_raw_html: true\n")
            .Write("guides/raw.md", Page("原始", "<p><a href='/guides/nowhere/'>去</a></p>"))),
        new("unquoted link in a raw HTML tag", DiagnosticCodes.BrokenLink, Severity.Error, "guides/raw.md", 7, t => t.Write("site.yml", ContentTree.SiteYml + "\nallow_raw_html: true\n")
            .Write("guides/raw.md", Page("原始", "第一段。\n\n文字 <a href=/guides/gone/>去</a> 文字。"))),
        new("broken fragment", DiagnosticCodes.BrokenFragment, Severity.Error, "guides/l.md", 5, t => t.WithLaw().Write("guides/l.md", Page("链", "[点](/laws/test-law/#art-99)"))),
        // content/synonyms.txt (search); SynonymTests covers each case's column.
        new("synonym group of one word", DiagnosticCodes.SynonymGroupTooSmall, Severity.Error, "synonyms.txt", 2, t => t.Write("synonyms.txt", "# 同义词\n电瓶车\n")),
        new("synonym word in two groups", DiagnosticCodes.SynonymWordInTwoGroups, Severity.Error, "synonyms.txt", 2, t => t.Write("synonyms.txt", "电瓶车 = 电动车\n电动车 = 电动自行车\n")),
        new("synonym never on the site", DiagnosticCodes.SynonymWordNotOnSite, Severity.Warning, "synonyms.txt", 1, t => t.Write("about.md", Page("关于"))
            .Write("synonyms.txt", "灭火筒 → 灭火毯\n")),
        new("synonym line malformed", DiagnosticCodes.SynonymLineMalformed, Severity.Error, "synonyms.txt", 1, t => t.Write("synonyms.txt", "电瓶车 电动车\n")),
    };


    /// <summary>
    /// The catalogue of bad content: a good site is built first; then the case breaks the content
    /// and the build runs again. The code must be reported at the right place, there must be no
    /// internal error, and after an error the previous site must be byte-identical.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_code_is_reported_where_the_problem_is(Case c)
    {
        using var tree = new ContentTree();
        var good = await tree.BuildAsync();
        Assert.True(good.Succeeded, good.Describe());
        var before = TempFolder.Snapshot(tree.OutputDir);
        c.Arrange(tree);
        var result = await tree.BuildAsync();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
        if (c.Severity == Severity.Error)
        {
            Assert.False(result.Written);
            Assert.Equal(before, TempFolder.Snapshot(tree.OutputDir));
        }
        var found = result.WithCode(c.Code).ToList();
        Assert.True(found.Count > 0, $"expected {c.Code}, got:\n{result.Describe()}");
        var diagnostic = found.FirstOrDefault(d => d.Path.Replace('\\', '/').Contains(c.FileSuffix)) ?? found[0];
        Assert.Contains(c.FileSuffix, diagnostic.Path.Replace('\\', '/'));
        Assert.Equal(c.Severity, diagnostic.Severity);
        if (c.Line > 0) Assert.Equal(c.Line, diagnostic.Line);
        Assert.Matches(@"^.+\(\d+,\d+\): (error|warning) PE\d{4}: .+|^.+: (error|warning) PE\d{4}: .+", diagnostic.ToString());
        Assert.Equal(c.Severity == Severity.Error ? false : result.ErrorCount == 0, result.Succeeded);
    }

    /// <summary>Ids written in raw HTML with single quotes are targets like any other.</summary>
    [Fact]
    public async Task A_link_to_an_id_in_raw_html_resolves()
    {
        using var tree = new ContentTree();
        tree.Write("site.yml", ContentTree.SiteYml + "\nallow_raw_html: true\n")
            .Write("guides/raw.md", Page("原始", "<p><span id='mark'>标记</span> <a href=#mark>回到标记</a></p>"))
            .Write("guides/to.md", Page("链", "[去](/guides/raw/#mark)"));
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
    }

    [Fact]
    public async Task A_missing_content_folder_is_reported()
    {
        using var folder = new TempFolder();
        var result = await SiteBuilder.BuildAsync(new BuildOptions(folder.Combine("nope"), null));
        Assert.Single(result.WithCode(DiagnosticCodes.ContentFolderMissing));
    }

    [Fact]
    public async Task A_missing_site_yml_is_reported()
    {
        using var tree = new ContentTree(siteYml: null);
        var result = await tree.BuildAsync(write: false);
        Assert.Single(result.WithCode(DiagnosticCodes.SiteConfigMissing));
    }

    [Fact]
    public async Task An_unreadable_file_is_reported_not_skipped()
    {
        using var tree = new ContentTree();
        File.CreateSymbolicLink(Path.Combine(tree.ContentDir, "dangling.md"), Path.Combine(tree.Root, "does-not-exist.md"));
        var result = await tree.BuildAsync(write: false);
        var error = Assert.Single(result.WithCode(DiagnosticCodes.FileUnreadable));
        Assert.EndsWith("dangling.md", error.Path);
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_written_is_reported()
    {
        using var tree = new ContentTree();
        tree.Write("about.md", Page("关于"));
        File.WriteAllText(tree.OutputDir, "a file where the site folder should be");
        var result = await tree.BuildAsync();
        Assert.Single(result.WithCode(DiagnosticCodes.OutputFailed));
        Assert.False(result.Written);
        Assert.Equal("a file where the site folder should be", File.ReadAllText(tree.OutputDir));
    }

    [Fact]
    public void Every_code_in_the_catalogue_is_tested_here_or_documented_as_untestable()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        var tested = ((IEnumerable<object[]>)Cases).Select(row => ((Case)row[0]).Code).ToHashSet();
        tested.UnionWith([DiagnosticCodes.ContentFolderMissing, DiagnosticCodes.SiteConfigMissing, DiagnosticCodes.FileUnreadable, DiagnosticCodes.OutputFailed]);
        // PE0009 marks a bug in the generator itself; no content can produce it on purpose.
        tested.Add(DiagnosticCodes.InternalError);
        // PE0008 is about the theme's JavaScript, not content: ClassicScriptConverterTests breaks a theme copy instead.
        tested.Add(DiagnosticCodes.ThemeScriptUnsupported);
        Assert.Empty(codes.Except(tested).Order());
    }

    [Fact]
    public async Task All_problems_are_reported_in_one_run()
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", "---\ntitle: [\n---\n").Write("guides/b.md", "no front matter").Write("guides/c.md", Page("c", "[x](javascript:y)"));
        var result = await tree.BuildAsync(write: false);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FrontMatterSyntax);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.FrontMatterMissing);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.UnsafeLink);
    }

    [Fact]
    public async Task Bom_and_crlf_files_build_with_correct_line_numbers()
    {
        using var tree = new ContentTree().WithLaw();
        var text = "---\r\ntitle: 标题\r\n---\r\n\r\n第一段。\r\n\r\n《测试法》第九十九条\r\n";
        tree.WriteBytes("guides/crlf.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        var result = await tree.BuildAsync(write: false);
        var error = Assert.Single(result.WithCode(DiagnosticCodes.CitationNoSuchArticle));
        Assert.Equal(7, error.Line);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.NotUtf8 || d.Code == DiagnosticCodes.FrontMatterMissing);
    }
}
