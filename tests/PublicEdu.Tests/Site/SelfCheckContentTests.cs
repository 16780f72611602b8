using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Tests.Support;
using PublicEdu.Generator.Resolve;
using PublicEdu.Generator.Load;

namespace PublicEdu.Tests.Site;

/// <summary>The shipped questionnaires: nine premises types, sized for ten minutes, every hazard backed by real articles.</summary>
public class SelfCheckContentTests
{
    private static readonly Lazy<ResolvedSite> Site = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var resolved = SiteResolver.Resolve(ContentLoader.Load(RepoPaths.Content, diagnostics)!, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        return resolved;
    });

    [Fact]
    public void Nine_premises_types_each_with_15_to_40_questions()
    {
        var slugs = Site.Value.Questionnaires.Values.Select(q => q.Slug).Order().ToList();
        Assert.Equal(["elderly-care", "heritage-buildings", "high-rise-residential", "multi-use-premises", "rental-housing", "small-hotel", "small-shop-restaurant",
            "small-workshops", "warehouses-logistics"], slugs);
        foreach (var q in Site.Value.Questionnaires.Values)
        {
            var count = q.Questions.Count();
            Assert.True(count is >= 15 and <= 40, $"{q.Slug}: {count} questions");
            Assert.True(q.Questions.Count(x => x.Condition is not null) >= 1, $"{q.Slug}: no conditional question");
        }
    }

    [Fact]
    public void Every_hazard_cites_articles_the_site_has_and_a_penalty()
    {
        var problems = new List<string>();
        foreach (var q in Site.Value.Questionnaires.Values)
        {
            foreach (var question in q.Questions)
            {
                foreach (var hazard in question.Options.Select(o => o.Hazard).OfType<AppliedHazard>().Where(h => h.Severity is not null))
                {
                    var breaks = hazard.Definition.Breaks.SelectMany(c => c.Parts).Where(p => p.Ref is not null).ToList();
                    if (breaks.Count == 0 || breaks.Any(p => p.PreviewKey is null))
                        problems.Add($"{q.Slug}/{question.Id}: a broken article is not on the site");
                    var penalties = hazard.Definition.Penalties.SelectMany(c => c.Parts).Where(p => p.Ref is not null).ToList();
                    if (!hazard.Definition.NoDirectPenalty && (penalties.Count == 0 || penalties.Any(p => p.PreviewKey is null)))
                        problems.Add($"{q.Slug}/{question.Id}: the penalty article is not on the site");
                    if (hazard.Severity == HazardSeverity.PossiblyMajor && hazard.Schemes.Count > 0)
                        problems.Add($"{q.Slug}/{question.Id}: a possible major hazard is offered leniency");
                    if (hazard.Severity == HazardSeverity.Serious && hazard.Schemes.Intersect(["首违不罚", "轻微不罚"]).Any())
                        problems.Add($"{q.Slug}/{question.Id}: a 较大 hazard is offered 首违不罚 or 轻微不罚");
                }
            }
        }
        Assert.Empty(problems);
    }
}
