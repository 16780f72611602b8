using AngleSharp.Html.Parser;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Tests.Support;

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
        var section = Assert.Single(q.Sections);
        Assert.Equal("安全疏散", section.Title);
        Assert.Equal(["exits-clear", "gas", "lpg"], section.Questions.Select(x => x.Id));

        var exits = section.Questions[0];
        Assert.Equal(["畅通", "堵塞或上锁"], exits.Options.Select(o => o.Label));
        Assert.Equal([Outcome.Compliant, Outcome.Hazard], exits.Options.Select(o => o.Outcome));
        var hazard = exits.Options[1].Hazard!;
        Assert.Equal(HazardSeverity.Serious, hazard.Severity);
        Assert.Equal("《测试法》第二条第一款第三项", Assert.Single(hazard.Breaks).Prefix + string.Concat(hazard.Breaks[0].Parts.Select(p => p.Text)));
        Assert.Equal("立即清理。", hazard.Fix);
        Assert.Equal("立即", hazard.Deadline);
        Assert.Equal(ExemptionPath.MayQualify, hazard.Exemption);

        var gas = section.Questions[1];
        Assert.Equal(Outcome.NotApplicable, gas.Options[0].Outcome);
        var lpg = section.Questions[2];
        Assert.Equal("gas", lpg.Condition!.QuestionId);
        Assert.Equal([1], lpg.Condition.OptionIndexes);
        var major = lpg.Options[1].Hazard!;
        Assert.Equal(HazardSeverity.PossiblyMajor, major.Severity);
        Assert.True(major.NoDirectPenalty);
        Assert.Equal(ExemptionPath.NotApplicable, major.Exemption);
        Assert.Equal("可能构成重大火灾隐患", major.ExemptionNote);
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
        Assert.Equal(3, fieldsets.Length);
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
        // The paper checklist explains each hazard option without JavaScript.
        Assert.Contains("较大隐患", doc.GetElementById("q-exits-clear")!.QuerySelector(".hazard-info")!.TextContent);
        Assert.Single(doc.QuerySelectorAll("script#selfcheck-data"));
    }

    [Fact]
    public async Task The_page_data_carries_article_texts_penalty_quotes_and_a_content_version()
    {
        using var tree = new ContentTree().WithSelfCheck();
        var result = await tree.BuildAsync(write: false);
        var doc = new HtmlParser().ParseDocument(result.Html("selfchecks/test-check/index.html"));
        using var json = System.Text.Json.JsonDocument.Parse(doc.QuerySelector("script#selfcheck-data")!.TextContent);
        var root = json.RootElement;
        Assert.Matches("^[0-9a-f]{12}$", root.GetProperty("version").GetString());
        Assert.Equal("《测试法》第二条", root.GetProperty("articles").GetProperty("test-law/2").GetProperty("t").GetString());
        var penalty = root.GetProperty("questions")[0].GetProperty("options")[1].GetProperty("h").GetProperty("penalties")[0].GetProperty("refs")[0];
        Assert.Equal("第六十条正文。", penalty.GetProperty("quote").GetString());
        Assert.Equal("../../laws/test-law/#art-60", penalty.GetProperty("href").GetString());

        // Any change to the questionnaire changes the version, so old saved answers are not applied silently.
        using var changed = new ContentTree().WithSelfCheck(ContentTree.MiniSelfCheck.Replace("立即清理。", "马上清理。"));
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
        Assert.Contains("3 题，约 5 分钟", doc.QuerySelector(".card")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".chooser a[href='../selfchecks/test-check/']"));
    }
}
