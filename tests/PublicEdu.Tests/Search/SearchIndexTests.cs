using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Search;
using PublicEdu.Tests.Support;
using PublicEdu.Generator.Load;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Tests.Search;

public class SearchIndexTests
{
    private static readonly Lazy<(SearchIndex Index, SearchEngine Engine)> Site = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var resolved = SiteResolver.Resolve(ContentLoader.Load(RepoPaths.Content, diagnostics)!, diagnostics);
        var index = SearchIndex.Build(SearchDocumentBuilder.Build(resolved), SearchIndex.LawNamesOf(resolved.Laws));
        return (index, new SearchEngine(index));
    });

    private static List<string> Top(string query, int n = 3, string? type = null) =>
        Site.Value.Engine.Search(query, type).Take(n).Select(r => Site.Value.Index.Documents[r.Doc].Url).ToList();

    [Theory]
    [InlineData("消防法第六十条", "laws/fire-protection-law/#art-60")]
    [InlineData("消防法六十条", "laws/fire-protection-law/#art-60")]
    [InlineData("行政处罚法 33条", "laws/administrative-penalty-law/#art-33")]
    [InlineData("《中华人民共和国行政处罚法》第三十二条", "laws/administrative-penalty-law/#art-32")]
    [InlineData("高层民用建筑消防安全管理规定第三十七条", "laws/high-rise-rules/#art-37")]
    public void A_query_naming_an_article_puts_it_first(string query, string url) =>
        Assert.Equal(url, Top(query, 1).Single());

    [Fact]
    public void Every_law_article_and_self_check_question_is_a_document()
    {
        var docs = Site.Value.Index.Documents;
        // One document per digested article: three whole laws and the 38 and 40 articles of the two partial digests.
        Assert.Equal(74 + 86 + 51 + 38 + 40, docs.Count(d => d.Type == SearchDocument.Law && !d.IsPage));
        // Every page is a document of its own, right before its passages.
        Assert.Equal(5, docs.Count(d => d.Type == SearchDocument.Law && d.IsPage));
        Assert.True(docs[0].IsPage);
        Assert.All(docs.Where(d => !d.IsPage), d => Assert.StartsWith(d.Url.Split('#')[0], docs[Site.Value.Index.PageOf[docs.ToList().IndexOf(d)]].Url));
        Assert.Contains(docs, d => d.Type == SearchDocument.SelfCheck && d.Url.Contains("#q-"));
        Assert.Contains(docs, d => d.Type == SearchDocument.Guide && d.Url.Contains("/#"));
        Assert.All(docs, d => Assert.False(string.IsNullOrWhiteSpace(d.Title)));
    }

    [Fact]
    public void The_type_filter_keeps_only_that_type()
    {
        var results = Site.Value.Engine.Search("疏散通道", SearchDocument.SelfCheck);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(SearchDocument.SelfCheck, Site.Value.Index.Documents[r.Doc].Type));
    }

    [Fact]
    public void The_written_index_is_deterministic_and_content_addressed()
    {
        var filesA = Site.Value.Index.Write();
        var diagnostics = new DiagnosticBag();
        var resolved = SiteResolver.Resolve(ContentLoader.Load(RepoPaths.Content, diagnostics)!, diagnostics);
        var again = SearchIndex.Build(SearchDocumentBuilder.Build(resolved), SearchIndex.LawNamesOf(resolved.Laws));
        var filesB = again.Write();
        Assert.Equal(filesA.Select(f => (f.Path, Convert.ToHexString(f.Content))), filesB.Select(f => (f.Path, Convert.ToHexString(f.Content))));

        // Pages name only the manifest; it names the content-addressed folder the other files are in.
        var manifest = System.Text.Json.JsonDocument.Parse(filesA.Single(f => f.Path == SearchIndex.ManifestPath).Content).RootElement;
        var folder = manifest.GetProperty("folder").GetString()!;
        Assert.Matches("^[0-9a-f]{12}/$", folder);
        Assert.All(filesA.Where(f => f.Path != SearchIndex.ManifestPath), f => Assert.StartsWith("search/" + folder, f.Path));

        // A different index goes to a different folder, so a cached shard is never mixed with a new manifest.
        var smaller = SearchIndex.Build(SearchDocumentBuilder.Build(resolved).Skip(1).ToList(), SearchIndex.LawNamesOf(resolved.Laws)).Write();
        var otherFolder = System.Text.Json.JsonDocument.Parse(smaller.Single(f => f.Path == SearchIndex.ManifestPath).Content).RootElement.GetProperty("folder").GetString();
        Assert.NotEqual(folder, otherFolder);
    }

    [Fact]
    public void The_hash_is_FNV_1a_over_UTF16_code_units()
    {
        // Reference values computed by hand from the FNV-1a definition (offset 2166136261, prime 16777619).
        Assert.Equal(2166136261u, SearchIndex.Hash(""));
        Assert.Equal(0xE40C292Cu, SearchIndex.Hash("a"));
    }
}
