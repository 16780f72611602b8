using System.Text.Json;
using PublicEdu.Generator.Search;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Search;

public class SearchAnalyzerTests
{
    public sealed record Vector(string Text, string[] Tokens);

    /// <summary>The same file is run through js/search-analyzer.js in the browser tests.</summary>
    public static IEnumerable<object[]> Vectors() =>
        JsonSerializer.Deserialize<Vector[]>(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "search", "analyzer-vectors.json")),
                new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!
            .Select(v => new object[] { v.Text, v.Tokens });

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_shared_vectors_hold(string text, string[] tokens) =>
        Assert.Equal(tokens, SearchAnalyzer.Tokenize(text));

    [Theory]
    [InlineData("第六十条")]
    [InlineData("第60条")]
    [InlineData("60条")]
    [InlineData("六十条")]
    [InlineData("第６０条")]
    public void Article_references_normalise_to_one_token(string text) =>
        Assert.Equal(["§60"], SearchAnalyzer.Tokenize(text));

    [Theory]
    [InlineData("条件", "§")]
    [InlineData("条例", "§")]
    [InlineData("一条路", "§")]
    public void Words_built_on_条_are_not_article_numbers_unless_numbered(string text, string absent)
    {
        var tokens = SearchAnalyzer.Tokenize(text);
        if (text == "一条路") Assert.Contains("§1", tokens);
        else Assert.DoesNotContain(tokens, t => t.StartsWith(absent));
    }

    private static readonly Dictionary<string, string> Laws = new() { ["消防法"] = "fire-protection-law", ["行政处罚法"] = "administrative-penalty-law" };

    private static List<string> Terms(QueryPlan plan) => plan.Clauses.Select(c => string.Join("|", c.Alternatives.Select(a => string.Join(" ", a)))).ToList();

    [Fact]
    public void A_query_naming_an_article_becomes_that_article_and_the_rest_of_the_query()
    {
        var none = new Dictionary<string, IReadOnlyList<string>>();
        var plan = SearchEngine.Plan("消防法第六十条", Laws, none);
        Assert.Equal(["@fire-protection-law§60"], plan.Articles);
        Assert.Empty(plan.Clauses);
        plan = SearchEngine.Plan("行政处罚法 33条 罚款", Laws, none);
        Assert.Equal(["@administrative-penalty-law§33"], plan.Articles);
        Assert.Equal(["罚款"], Terms(plan));
        // Without a law's name an article number is an ordinary term; with pairs, single characters go.
        Assert.Equal(["消防", "§60"], Terms(SearchEngine.Plan("消防 第六十条", new Dictionary<string, string>(), none)));
        Assert.Equal(["火"], Terms(SearchEngine.Plan("火", Laws, none)));
    }

    [Fact]
    public void A_synonym_in_the_query_becomes_one_clause_with_its_group_as_alternatives()
    {
        var synonyms = Synonyms.ExpansionsOf(["电瓶车 电动车 电动自行车", "灭火筒>灭火器"]);
        Assert.Equal(["楼道", "电瓶 瓶车|电动 动车|电动 动自 自行 行车"], Terms(SearchEngine.Plan("电瓶车楼道", Laws, synonyms)));
        Assert.Equal(["灭火 火筒|灭火 火器"], Terms(SearchEngine.Plan("灭火筒", Laws, synonyms)));
        // One way only: 灭火器 does not expand to 灭火筒.
        Assert.Equal(["灭火", "火器"], Terms(SearchEngine.Plan("灭火器", Laws, synonyms)));
    }
}
