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

    [Fact]
    public void A_query_with_pairs_drops_single_characters_and_adds_the_named_article()
    {
        var laws = new Dictionary<string, string> { ["消防法"] = "fire-protection-law", ["行政处罚法"] = "administrative-penalty-law" };
        Assert.Equal(["消防", "防法", "§60", "@fire-protection-law§60"], SearchEngine.QueryTerms("消防法第六十条", laws));
        Assert.Contains("@administrative-penalty-law§33", SearchEngine.QueryTerms("行政处罚法 33条", laws));
        Assert.Equal(["火"], SearchEngine.QueryTerms("火", laws));
    }
}
