using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Laws;
using PublicEdu.Tests.Support;
using PublicEdu.Generator.Load;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Tests.Laws;

/// <summary>
/// The statute text on the site must equal the published text. Every article of every law digest
/// that has a reference file is compared with it after removing whitespace (items are split onto
/// their own lines on the site, which changes only whitespace).
/// </summary>
public class LawAccuracyTests
{
    /// <summary>Law digest slug → reference file in tests/reference/laws/.</summary>
    public static readonly TheoryData<string, string> References = new()
    {
        { "fire-protection-law", "消防法(2021-04-29).md" },
        { "administrative-penalty-law", "行政处罚法(2021-01-22).md" },
        { "high-rise-rules", "高层民用建筑消防安全管理规定(2021-06-21).md" },
        { "work-safety-law", "安全生产法(2021-06-10).md" },
        // A secondary copy (see tests/reference/README.md); no second copy could be found to compare against.
        { "fire-safety-management-rules", "机关、团体、企业、事业单位消防安全管理规定(2001-11-14).md" },
    };

    private static readonly Lazy<IReadOnlyList<Law>> SiteLaws = new(() => LoadLaws(RepoPaths.Content));

    private static IReadOnlyList<Law> LoadLaws(string contentDir)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(contentDir, diagnostics)!;
        var resolved = SiteResolver.Resolve(content, diagnostics);
        return resolved.Laws.Laws;
    }

    /// <summary>Every mismatch, one line per article, naming it.</summary>
    public static List<string> Compare(Law law, IReadOnlyDictionary<int, string> reference)
    {
        var problems = new List<string>();
        foreach (var article in law.Articles)
        {
            if (!reference.TryGetValue(article.Number, out var expected))
            {
                problems.Add($"《{law.CitationName}》{article.Heading}: not in the reference text");
                continue;
            }
            var actual = ReferenceLaw.WithoutWhitespace(article.Text);
            var wanted = ReferenceLaw.WithoutWhitespace(expected);
            if (actual != wanted)
            {
                var at = Enumerable.Range(0, Math.Min(actual.Length, wanted.Length)).FirstOrDefault(i => actual[i] != wanted[i], Math.Min(actual.Length, wanted.Length));
                problems.Add($"《{law.CitationName}》{article.Heading}: differs at character {at}: site “{Excerpt(actual, at)}” vs reference “{Excerpt(wanted, at)}”");
            }
        }
        return problems;
    }

    private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 8), Math.Min(20, text.Length - Math.Max(0, at - 8)));

    [Theory]
    [MemberData(nameof(References))]
    public void Every_article_on_the_site_matches_the_published_text(string slug, string referenceFile)
    {
        var law = SiteLaws.Value.Single(l => l.Slug == slug);
        var reference = ReferenceLaw.Articles(Path.Combine(RepoPaths.Reference, "laws", referenceFile));
        Assert.Empty(Compare(law, reference));
    }

    [Theory]
    [MemberData(nameof(References))]
    public void The_article_count_matches_the_reference(string slug, string referenceFile)
    {
        var law = SiteLaws.Value.Single(l => l.Slug == slug);
        var reference = ReferenceLaw.Articles(Path.Combine(RepoPaths.Reference, "laws", referenceFile));
        Assert.Equal(reference.Count, law.ArticleCount);
        Assert.Equal(Enumerable.Range(1, reference.Count), reference.Keys);
    }

    [Fact]
    public void The_three_required_laws_are_complete()
    {
        Assert.Equal(74, SiteLaws.Value.Single(l => l.Slug == "fire-protection-law").DigestedCount);
        Assert.Equal(51, SiteLaws.Value.Single(l => l.Slug == "high-rise-rules").DigestedCount);
        var penalty = SiteLaws.Value.Single(l => l.Slug == "administrative-penalty-law");
        // Chapters 1, 4 and 5 in full at least: articles 1–8 and 32–55.
        foreach (var n in Enumerable.Range(1, 8).Concat(Enumerable.Range(32, 24)))
            Assert.NotNull(penalty.Article(n));
    }

    [Fact]
    public void The_two_partial_digests_hold_the_articles_businesses_meet()
    {
        var work = SiteLaws.Value.Single(l => l.Slug == "work-safety-law");
        // 主要负责人's duties, 隐患排查治理, workplaces and dormitories, and the penalties for them.
        foreach (var n in new[] { 5, 21, 41, 42, 94, 102, 105 }) Assert.NotNull(work.Article(n));
        var rules = SiteLaws.Value.Single(l => l.Slug == "fire-safety-management-rules");
        // 消防安全重点单位, 防火巡查 and 防火检查, 火灾隐患整改, training and records.
        foreach (var n in new[] { 13, 25, 26, 31, 32, 36, 41 }) Assert.NotNull(rules.Article(n));
        Assert.True(work.DigestedCount < work.ArticleCount && rules.DigestedCount < rules.ArticleCount);
    }

    [Fact]
    public void A_one_character_change_is_caught_and_names_the_article()
    {
        using var copy = new TempFolder();
        TempFolder.CopyDirectory(RepoPaths.Content, copy.Path);
        var file = Path.Combine(copy.Path, "laws", "fire-protection-law.md");
        var text = File.ReadAllText(file);
        // 五千元 → 五万元 in 第六十条: the kind of slip that misleads a shop owner about a fine.
        const string original = "责令改正，处五千元以上五万元以下罚款：";
        Assert.Contains(original, text);
        File.WriteAllText(file, text.Replace(original, "责令改正，处五万元以上五万元以下罚款："));

        var law = LoadLaws(copy.Path).Single(l => l.Slug == "fire-protection-law");
        var reference = ReferenceLaw.Articles(Path.Combine(RepoPaths.Reference, "laws", "消防法(2021-04-29).md"));
        var problem = Assert.Single(Compare(law, reference));
        Assert.Contains("第六十条", problem);
    }

    [Fact]
    public void Article_60_of_the_fire_law_has_its_seven_items_addressable()
    {
        var article = SiteLaws.Value.Single(l => l.Slug == "fire-protection-law").Article(60)!;
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Equal(Enumerable.Range(1, 7), article.Paragraphs[0].Items.Select(i => i.Number));
        Assert.Equal("art-60-1-3", article.Paragraphs[0].Items[2].Anchor);
        Assert.StartsWith("（三）占用、堵塞、封闭疏散通道", article.Paragraphs[0].Items[2].Text);
    }
}
