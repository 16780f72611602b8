using AngleSharp.Html.Parser;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Tests.Support;
using PublicEdu.Generator.Load;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Tests.SelfChecks;

public class QuestionnaireTests
{
    private static async Task<(BuildResult Result, Questionnaire? Questionnaire)> ParseAsync(string text = ContentTree.MiniSelfCheck)
    {
        using var tree = new ContentTree().WithSelfCheck(text);
        var result = await tree.BuildAsync(write: false);
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(tree.ContentDir, diagnostics)!;
        var resolved = SiteResolver.Resolve(content, diagnostics);
        return (result, resolved.Questionnaires.Values.SingleOrDefault());
    }

    [Fact]
    public async Task The_parser_reads_sections_questions_options_hazards_and_conditions()
    {
        var (result, q) = await ParseAsync();
        Assert.True(result.Succeeded, result.Describe());
        Assert.NotNull(q);
        Assert.Equal("小旅馆", q.Premises);
        Assert.Equal(new DateOnly(2026, 11, 28), q.Reviewed);
        Assert.Equal(2, q.Sections.Count);
        var section = q.Sections[0];
        Assert.Equal("安全疏散", section.Title);
        Assert.Equal(["exits-clear", "gas", "lpg"], section.Questions.Select(x => x.Id));

        var exits = section.Questions[0];
        Assert.Equal(["畅通", "堵塞或上锁"], exits.Options.Select(o => o.Label));
        Assert.Equal([Outcome.Compliant, Outcome.Hazard], exits.Options.Select(o => o.Outcome));
        // The option names a catalogue hazard; its legal facts come from there.
        var hazard = exits.Options[1].Hazard!;
        Assert.Equal("exits-blocked", hazard.Id);
        Assert.Equal(HazardSeverity.Serious, hazard.Severity);
        Assert.Equal("《测试法》第二条第一款第三项", Assert.Single(hazard.Definition.Breaks).Prefix + string.Concat(hazard.Definition.Breaks[0].Parts.Select(p => p.Text)));
        Assert.Equal("立即清理。", hazard.Fix);
        Assert.Equal("立即", hazard.Definition.Deadline);
        Assert.Equal("不履行测试职责", hazard.Definition.Cause);
        Assert.Equal(["主动申报"], hazard.Schemes);

        var gas = section.Questions[1];
        Assert.Equal(Outcome.NotApplicable, gas.Options[0].Outcome);
        var lpg = section.Questions[2];
        Assert.Equal("gas", lpg.Condition!.QuestionId);
        Assert.Equal([1], lpg.Condition.OptionIndexes);
        var major = lpg.Options[1].Hazard!;
        Assert.Equal(HazardSeverity.PossiblyMajor, major.Severity);
        Assert.True(major.Definition.NoDirectPenalty);
        Assert.Empty(major.Schemes);

        // exemptions.yml's questions about the business close every questionnaire.
        var facts = q.Sections[1];
        Assert.Equal(QuestionnaireValidator.FactSectionTitle, facts.Title);
        Assert.Equal(["earlier-violation", "small-enterprise"], facts.Questions.Select(x => x.Id));
        Assert.Equal(["以前被查出过", "小微企业"], facts.Questions.Select(x => x.Fact));
        Assert.Equal([4, 5], facts.Questions.Select(x => x.Number));
        Assert.Equal([Outcome.FactYes, Outcome.FactNo, Outcome.FactUnsure], facts.Questions[0].Options.Select(o => o.Outcome));
    }

    [Fact]
    public async Task A_questionnaire_may_reword_the_fix_of_a_hazard_but_nothing_else()
    {
        var reworded = ContentTree.MiniSelfCheck.Replace("- 堵塞或上锁 {隐患：exits-blocked}", "- 堵塞或上锁 {隐患：exits-blocked}\n  整改：把布草搬回库房。");
        var (ok, q) = await ParseAsync(reworded);
        Assert.True(ok.Succeeded, ok.Describe());
        var hazard = q!.Questions.First().Options[1].Hazard!;
        Assert.Equal("把布草搬回库房。", hazard.Fix);
        Assert.Equal("立即清理。", hazard.Definition.Fix);

        var restated = ContentTree.MiniSelfCheck.Replace("- 堵塞或上锁 {隐患：exits-blocked}", "- 堵塞或上锁 {隐患：exits-blocked}\n  等级：一般隐患");
        var (failed, _) = await ParseAsync(restated);
        var error = Assert.Single(failed.WithCode(DiagnosticCodes.OptionRestatesHazard));
        Assert.Equal(20, error.Line);
        Assert.Contains("只在隐患目录", error.Message);
    }

    [Fact]
    public async Task A_premises_class_raises_the_level_and_changes_the_schemes()
    {
        var catalogue = ContentTree.MiniCatalogue.Replace("免罚：主动申报\n", "免罚：主动申报\n等级（人员密集场所）：可能构成重大火灾隐患\n免罚（人员密集场所）：无\n重大依据：测试依据。\n");
        using var tree = new ContentTree().WithCatalogue(catalogue)
            .Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck.Replace("reviewed: 2026-11-28", "reviewed: 2026-11-28\nclasses: [人员密集场所]"))
            .Write("selfchecks/other.md", ContentTree.MiniSelfCheck.Replace("title: 测试自查", "title: 住宅自查").Replace("reviewed: 2026-11-28", "reviewed: 2026-11-28\nclasses: [居住场所]"));
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        var diagnostics = new DiagnosticBag();
        var resolved = SiteResolver.Resolve(ContentLoader.Load(tree.ContentDir, diagnostics)!, diagnostics);
        var crowded = resolved.Questionnaires.Values.Single(q => q.Slug == "test-check").Questions.First().Options[1].Hazard!;
        var home = resolved.Questionnaires.Values.Single(q => q.Slug == "other").Questions.First().Options[1].Hazard!;
        Assert.Equal(HazardSeverity.PossiblyMajor, crowded.Severity);
        Assert.Empty(crowded.Schemes);
        Assert.Equal(HazardSeverity.Serious, home.Severity);
        Assert.Equal(["主动申报"], home.Schemes);

        // A 公众聚集场所 is by law a 人员密集场所 (《消防法》第七十三条第四项), so the override applies to it too.
        tree.Write("selfchecks/other.md", ContentTree.MiniSelfCheck.Replace("title: 测试自查", "title: 饭店自查").Replace("reviewed: 2026-11-28", "reviewed: 2026-11-28\nclasses: [公众聚集场所]"));
        diagnostics = new DiagnosticBag();
        resolved = SiteResolver.Resolve(ContentLoader.Load(tree.ContentDir, diagnostics)!, diagnostics);
        var venue = resolved.Questionnaires.Values.Single(q => q.Slug == "other");
        Assert.Equal(["公众聚集场所", "人员密集场所"], venue.Classes);
        Assert.Equal(HazardSeverity.PossiblyMajor, venue.Questions.First().Options[1].Hazard!.Severity);
    }

    [Fact]
    public async Task A_condition_may_allow_several_options()
    {
        var text = ContentTree.MiniSelfCheck.Replace("if=gas:瓶装液化气", "if=gas:瓶装|只用电");
        var (result, q) = await ParseAsync(text);
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal([1, 0], q!.Questions.Single(x => x.Id == "lpg").Condition!.OptionIndexes);
    }

    [Fact]
    public async Task An_ambiguous_condition_option_is_an_error()
    {
        var text = ContentTree.MiniSelfCheck.Replace("- 只用电 {不适用}", "- 瓶装丁烷 {不适用}").Replace("if=gas:瓶装液化气", "if=gas:瓶装");
        var (result, _) = await ParseAsync(text);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ConditionInvalid && d.Message.Contains("多个选项"));
    }

    [Fact]
    public async Task The_page_is_a_real_form_with_fieldsets_legends_and_labelled_radios()
    {
        using var tree = new ContentTree().WithSelfCheck();
        var result = await tree.BuildAsync(write: false);
        var doc = new HtmlParser().ParseDocument(result.Html("selfchecks/test-check/index.html"));
        var fieldsets = doc.QuerySelectorAll("form#selfcheck-form fieldset.question");
        Assert.Equal(5, fieldsets.Length);
        foreach (var fieldset in fieldsets)
        {
            Assert.NotNull(fieldset.QuerySelector("legend"));
            foreach (var radio in fieldset.QuerySelectorAll("input[type=radio]"))
                Assert.NotNull(doc.QuerySelector($"label[for='{radio.Id}']"));
        }
        var lpg = doc.GetElementById("q-lpg")!;
        Assert.Equal("gas", lpg.GetAttribute("data-if-question"));
        Assert.Equal("1", lpg.GetAttribute("data-if-options"));
        Assert.Contains("第 2 题选择“瓶装液化气”时回答本题", lpg.TextContent);
        // Without JavaScript each hazard question links to its entry in the key, which explains every hazard option.
        Assert.NotNull(doc.GetElementById("q-exits-clear")!.QuerySelector(".hazard-info-link a[href='#key-exits-clear']"));
        Assert.Contains("较大隐患", doc.GetElementById("key-exits-clear")!.TextContent);
        Assert.Null(doc.GetElementById("q-gas")!.QuerySelector(".hazard-info-link"));
        Assert.Single(doc.QuerySelectorAll("script#selfcheck-data"));
    }

    [Fact]
    public async Task The_key_says_what_the_assessment_gives_each_hazard_alone_even_under_a_condition()
    {
        // The LPG question is shown only for one answer of the gas question; alone, its hazard still offers its scheme.
        var catalogue = ContentTree.MiniCatalogue.Replace("等级：可能构成重大火灾隐患\n重大依据：测试用的判定依据。", "等级：较大隐患")
            .Replace("处罚：无直接罚则", "处罚：《测试法》第六十条").Replace("违反：《测试法》第三条", "违反：《测试法》第二条").Replace("免罚：无", "免罚：主动申报");
        using var tree = new ContentTree().WithCatalogue(catalogue).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        using var hazards = System.Text.Json.JsonDocument.Parse(result.Html("selfchecks/test-check/hazards.json"));
        var alone = hazards.RootElement.GetProperty("alone");
        var (key, schemes) = Assert.Single(alone.EnumerateObject().Where(p => p.Name.StartsWith("lpg/", StringComparison.Ordinal)).Select(p => (p.Name, p.Value)));
        Assert.Equal(["主动申报"], schemes.EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("lpg/1", key);
    }

    [Fact]
    public async Task The_page_data_carries_article_texts_penalty_quotes_and_a_content_version()
    {
        using var tree = new ContentTree().WithSelfCheck();
        var result = await tree.BuildAsync(write: false);
        var doc = new HtmlParser().ParseDocument(result.Html("selfchecks/test-check/index.html"));
        using var json = System.Text.Json.JsonDocument.Parse(doc.QuerySelector("script#selfcheck-data")!.TextContent);
        var root = json.RootElement;
        var version = root.GetProperty("version").GetString();
        Assert.Matches("^[0-9a-f]{12}$", version);
        // What the key and the result need is beside the page, named with the same version.
        Assert.Equal($"hazards.json?v={version}", doc.QuerySelector(".selfcheck-page")!.GetAttribute("data-hazards"));
        Assert.Null(doc.QuerySelector("script#selfcheck-hazards"));
        using var hazards = System.Text.Json.JsonDocument.Parse(result.Html("selfchecks/test-check/hazards.json"));
        // Article texts travel once, as the page's citation previews, which the result reads too.
        using var previews = System.Text.Json.JsonDocument.Parse(doc.QuerySelector("script#cite-data")!.TextContent);
        Assert.Equal("《测试法》第二条", previews.RootElement.GetProperty("test-law/2").GetProperty("t").GetString());
        Assert.Equal("exits-blocked", root.GetProperty("questions")[0].GetProperty("options")[1].GetProperty("h").GetString());
        var penalty = hazards.RootElement.GetProperty("hazards").GetProperty("exits-blocked").GetProperty("penalties")[0].GetProperty("refs")[0];
        Assert.Equal("第六十条正文。", hazards.RootElement.GetProperty("quotes").GetProperty(penalty.GetProperty("quote").GetString()!).GetString());
        Assert.Equal("../../laws/test-law/#art-60", penalty.GetProperty("href").GetString());

        // Any change to the questionnaire changes the version, so old saved answers are not applied silently.
        using var changed = new ContentTree().WithCatalogue(ContentTree.MiniCatalogue.Replace("立即清理。", "马上清理。")).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck);
        var other = await changed.BuildAsync(write: false);
        var otherDoc = new HtmlParser().ParseDocument(other.Html("selfchecks/test-check/index.html"));
        using var otherJson = System.Text.Json.JsonDocument.Parse(otherDoc.QuerySelector("script#selfcheck-data")!.TextContent);
        Assert.NotEqual(root.GetProperty("version").GetString(), otherJson.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Cited_articles_list_the_self_check_items_that_cite_them()
    {
        using var tree = new ContentTree().WithSelfCheck();
        var result = await tree.BuildAsync(write: false);
        var law = new HtmlParser().ParseDocument(result.Html("laws/test-law/index.html"));
        var backlink = Assert.Single(law.QuerySelectorAll("#art-3 .cited-by a"));
        Assert.Equal("../../selfchecks/test-check/#q-lpg", backlink.GetAttribute("href"));
        Assert.Contains("自查项", backlink.TextContent);
    }

    [Fact]
    public async Task The_index_lists_each_questionnaire_with_its_size()
    {
        using var tree = new ContentTree().WithSelfCheck();
        var result = await tree.BuildAsync(write: false);
        var doc = new HtmlParser().ParseDocument(result.Html("selfchecks/index.html"));
        // The conditional question is counted apart, as the questionnaire numbers it.
        Assert.Contains("4 题，视您的回答最多另加 1 题，约 5 分钟", doc.QuerySelector(".card")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".chooser a[href='../selfchecks/test-check/']"));
    }
}
