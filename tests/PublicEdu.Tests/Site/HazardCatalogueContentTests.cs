using System.Text.RegularExpressions;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Markdown.Citations;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Tests.Support;
using PublicEdu.Generator.Resolve;
using PublicEdu.Generator.Load;

namespace PublicEdu.Tests.Site;

/// <summary>
/// The shipped catalogue and questionnaires: every hazard defined once, in the catalogue; the
/// penalty table read from the statute text; indoor e-bike charging answered in every questionnaire.
/// </summary>
public partial class HazardCatalogueContentTests
{
    private static readonly Lazy<ResolvedSite> Site = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var resolved = SiteResolver.Resolve(ContentLoader.Load(RepoPaths.Content, diagnostics)!, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        return resolved;
    });

    [GeneratedRegex("第[〇零一二三四五六七八九十百0-9]+条")]
    private static partial Regex ArticleNumber();

    [Fact]
    public void No_questionnaire_option_names_an_article_only_catalogue_references_do()
    {
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "selfchecks"), "*.md"))
        {
            var inQuestion = false;
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.StartsWith("::: question", StringComparison.Ordinal)) inQuestion = true;
                else if (line.Trim() == ":::") inQuestion = false;
                // Options and the lines under them; hints (>) and question text may explain the law.
                else if (inQuestion && (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("  ", StringComparison.Ordinal)) && ArticleNumber().IsMatch(line))
                    problems.Add($"{Path.GetFileName(path)}:{number}: {line.Trim()}");
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_questionnaire_gives_advice_on_charging_an_e_bike_indoors()
    {
        foreach (var q in Site.Value.Questionnaires.Values)
        {
            var charging = q.Questions.SelectMany(x => x.Options).Select(o => o.Hazard).Where(h => h?.Id == "ebike-charging-indoors").ToList();
            Assert.True(charging.Count > 0, $"{q.Slug} has no option for charging indoors");
            Assert.All(charging, h => Assert.Null(h!.Severity));
        }
        var hazard = Site.Value.Catalogue.Hazards["ebike-charging-indoors"];
        Assert.True(hazard.AdviceOnly);
        Assert.Empty(hazard.Breaks);
        Assert.Empty(hazard.Penalties);
    }

    [Fact]
    public void Each_hazard_has_one_level_per_premises_class_in_every_questionnaire()
    {
        // The same hazard under the same classes is the same everywhere: the point of the catalogue.
        var seen = new Dictionary<(string Id, string Classes), (HazardSeverity? Severity, string Schemes, string Slug)>();
        foreach (var q in Site.Value.Questionnaires.Values)
        foreach (var hazard in q.Questions.SelectMany(x => x.Options).Select(o => o.Hazard).OfType<AppliedHazard>())
        {
            var key = (hazard.Id, string.Join(",", q.Classes.Order()));
            var value = (Severity: hazard.Severity, Schemes: string.Join("、", hazard.Schemes), Slug: q.Slug);
            if (seen.TryGetValue(key, out var other))
                Assert.True(other.Severity == value.Severity && other.Schemes == value.Schemes, $"{hazard.Id} differs between {other.Slug} and {q.Slug}");
            else seen[key] = value;
        }
    }

    [Fact]
    public void Every_penalty_rule_names_its_cause_in_the_statute_s_own_words()
    {
        var laws = new Dictionary<string, IReadOnlyDictionary<int, string>>
        {
            ["消防法"] = ReferenceLaw.Articles(Path.Combine(RepoPaths.Reference, "laws", "消防法(2021-04-29).md")),
            ["高层民用建筑消防安全管理规定"] = ReferenceLaw.Articles(Path.Combine(RepoPaths.Reference, "laws", "高层民用建筑消防安全管理规定(2021-06-21).md")),
        };
        foreach (var rule in Site.Value.Catalogue.Penalties)
        {
            var reference = rule.Penalty.Parts.Single(p => p.Ref is not null).Ref!;
            var text = ReferenceLaw.WithoutWhitespace(laws[rule.Penalty.LawName!][reference.Article]);
            var cause = ReferenceLaw.WithoutWhitespace(rule.Cause);
            // At least one run of eight characters of the 案由 stands in the article as published.
            Assert.True(Enumerable.Range(0, Math.Max(1, cause.Length - 7)).Any(i => text.Contains(cause.Substring(i, Math.Min(8, cause.Length - i)), StringComparison.Ordinal)),
                $"案由 of {rule.Penalty.LawName} 第{reference.Article}条: “{rule.Cause}” is not taken from its text");
        }
    }

    [Fact]
    public void Article_67_punishes_exactly_the_duties_its_text_names()
    {
        var rule = Site.Value.Catalogue.Penalties.Single(r => r.Penalty.LawName == "消防法" && r.Penalty.Parts.Single(p => p.Ref is not null).Ref!.Article == 67);
        var duties = rule.Duties.SelectMany(d => d.Parts).Where(p => p.Ref is not null).Select(p => (p.Ref!.Article, p.Ref.Paragraph)).ToList();
        // "违反本法第十六条、第十七条、第十八条、第二十一条第二款规定的"
        Assert.Equal([(16, null), (17, null), (18, null), (21, 2)], duties.Select(d => (d.Article, (int?)d.Paragraph)));
        Assert.All(rule.Duties, d => Assert.Equal("消防法", d.LawName));
        Assert.DoesNotContain(Site.Value.Catalogue.Penalties, r => r.Penalty.LawName == "高层民用建筑消防安全管理规定" && r.Penalty.Parts.Any(p => p.Ref?.Article == 48));
    }

    [Fact]
    public void A_possible_major_hazard_names_gb_35181_2025_and_no_clause()
    {
        foreach (var hazard in Site.Value.Catalogue.Hazards.Values.Where(h => h.Severity == HazardSeverity.PossiblyMajor || h.Overrides.Any(o => o.Severity == HazardSeverity.PossiblyMajor)))
        {
            Assert.Contains("GB 35181-2025", hazard.MajorBasis);
            Assert.DoesNotMatch(@"\b\d+\.\d+(\.\d+)?\b", hazard.MajorBasis.Replace("35181-2025", "").Replace("35181-2017", ""));
        }
    }
}
