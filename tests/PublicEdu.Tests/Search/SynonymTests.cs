using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Search;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Search;

/// <summary>content/synonyms.txt: how it is read, and each mistake reported at its line and column.</summary>
public class SynonymTests
{
    private static (Synonyms? Synonyms, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var synonyms = Synonyms.Parse(text, "content/synonyms.txt", diagnostics);
        return (synonyms, diagnostics.Sorted());
    }

    [Fact]
    public void Groups_expand_both_ways_and_arrows_one_way()
    {
        var (synonyms, diagnostics) = Parse("# 注释\n\n电瓶车 = 电动车 = 电动自行车\n灭火筒、灭火瓶 → 灭火器\n烟感 -> 感烟火灾探测报警器\nKTV → 娱乐场所\n");
        Assert.Empty(diagnostics);
        var expansions = synonyms!.Expansions;
        Assert.Equal(["电动车", "电动自行车"], expansions["电瓶车"]);
        Assert.Equal(["电瓶车", "电动车"], expansions["电动自行车"]);
        Assert.Equal(["灭火器"], expansions["灭火瓶"]);
        Assert.False(expansions.ContainsKey("灭火器"));
        Assert.Equal(["感烟火灾探测报警器"], expansions["烟感"]);
        // Words are normalised as the analyzer sees text.
        Assert.True(expansions.ContainsKey("ktv"));
        // The manifest form reads back to the same table, as js/search.js reads it.
        Assert.Equal(expansions, Synonyms.ExpansionsOf(synonyms.Groups.Select(g => g.Encoded)));
    }

    [Theory]
    [InlineData("电瓶车\n", DiagnosticCodes.SynonymGroupTooSmall, 1, 1)]
    [InlineData("# 注释\n电瓶车 = 电瓶车\n", DiagnosticCodes.SynonymGroupTooSmall, 2, 1)]
    [InlineData("电瓶车 = 电动车\n灭火筒 → 灭火器\n电动车 = 电动自行车\n", DiagnosticCodes.SynonymWordInTwoGroups, 3, 1)]
    [InlineData("电瓶车 = 电动车\n电驴、电动车 → 电动自行车\n", DiagnosticCodes.SynonymWordInTwoGroups, 2, 4)]
    [InlineData("电瓶车 电动车\n", DiagnosticCodes.SynonymLineMalformed, 1, 1)]
    [InlineData("电瓶车 = = 电动车\n", DiagnosticCodes.SynonymLineMalformed, 1, 6)]
    [InlineData("灭火筒 → 灭火器 → 灭火毯\n", DiagnosticCodes.SynonymLineMalformed, 1, 11)]
    [InlineData("→ 灭火器\n", DiagnosticCodes.SynonymLineMalformed, 1, 1)]
    [InlineData("灭火筒 = ——\n", DiagnosticCodes.SynonymLineMalformed, 1, 7)]
    public void A_mistake_is_an_error_at_its_line_and_column(string text, string code, int line, int column)
    {
        var (synonyms, diagnostics) = Parse(text);
        Assert.Null(synonyms);
        var error = Assert.Single(diagnostics);
        Assert.Equal((code, Severity.Error, line, column), (error.Code, error.Severity, error.Line, error.Column));
        Assert.Matches(@"^content/synonyms\.txt\(\d+,\d+\): error PE06\d\d: .+。", error.ToString());
    }

    [Fact]
    public void A_word_only_led_to_may_be_led_to_from_several_lines()
    {
        var (synonyms, diagnostics) = Parse("灭火筒 → 灭火器\n干粉筒 → 灭火器\n灭火器 = 手提式灭火器\n");
        Assert.Empty(diagnostics);
        Assert.Equal(3, synonyms!.Groups.Count);
    }

    [Fact]
    public void A_group_that_can_find_nothing_on_the_site_is_a_warning()
    {
        var (synonyms, _) = Parse("灭火筒 → 灭火器、灭火毯\n电瓶车 = 电动车\n出租房 = 居住出租房屋\n");
        var docs = new List<SearchDocument> { new(SearchDocument.Guide, "灭火器怎么选", "guides/x/", "", "", "居住出租房屋要配灭火器。") };
        var diagnostics = new DiagnosticBag();
        synonyms!.WarnAboutUnusedWords(docs, diagnostics);
        var warnings = diagnostics.Sorted();
        Assert.Equal([(1, 11, "灭火毯"), (2, 1, "")], warnings.Select(w => (w.Line, w.Column, w.Message.Contains("灭火毯") ? "灭火毯" : "")));
        Assert.All(warnings, w => Assert.Equal((DiagnosticCodes.SynonymWordNotOnSite, Severity.Warning), (w.Code, w.Severity)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Build_and_check_both_report_a_group_that_finds_nothing_and_the_file_is_not_published(bool write)
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", ContentTree.Page("灭火器", "配好灭火器。")).Write("synonyms.txt", "灭火筒 → 灭火器\n灭火瓶 → 灭火毯\n");
        var result = await tree.BuildAsync(write);
        var warning = Assert.Single(result.WithCode(DiagnosticCodes.SynonymWordNotOnSite));
        Assert.Equal((2, 7), (warning.Line, warning.Column));
        Assert.DoesNotContain(result.Files, f => f.Path.EndsWith("synonyms.txt", StringComparison.Ordinal));
        if (!write) return;
        // The browser gets the groups through the manifest.
        var manifest = System.Text.Json.JsonDocument.Parse(result.Files.Single(f => f.Path == SearchIndex.ManifestPath).Content).RootElement;
        Assert.Equal(["灭火筒>灭火器", "灭火瓶>灭火毯"], manifest.GetProperty("synonyms").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void The_shipped_file_has_at_least_40_groups_and_no_problems()
    {
        var diagnostics = new DiagnosticBag();
        var synonyms = Synonyms.Load(RepoPaths.Content, diagnostics);
        Assert.Empty(diagnostics.Sorted());
        Assert.True(synonyms!.Groups.Count >= 40, $"{synonyms.Groups.Count} groups");
    }
}
