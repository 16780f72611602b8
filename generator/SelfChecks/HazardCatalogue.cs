using PublicEdu.Generator.Content;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>A premises class may raise a hazard's severity; the exemptions then follow the new level.</summary>
/// <param name="Schemes">The schemes at this level, when they differ from the hazard's own.</param>
public sealed record SeverityOverride(string Class, HazardSeverity Severity, IReadOnlyList<string>? Schemes, int Line);

/// <summary>
/// One hazard, defined once for every questionnaire: what is wrong, the duty it breaches and the
/// penalty, how bad it is, how to fix it, and which leniency schemes it may offer. An advice-only
/// hazard is dangerous but breaches no article the site has; it carries no legal claim at all.
/// </summary>
/// <param name="SchemesLine">The line of 免罚：, where a scheme the level excludes is reported.</param>
/// <param name="Cause">The 案由 of the principal (first) penalty, from the penalty table; "" when there is none.</param>
public sealed record CatalogueHazard(
    string Id,
    string Title,
    bool AdviceOnly,
    IReadOnlyList<CitationInline> Breaks,
    IReadOnlyList<CitationInline> Penalties,
    bool NoDirectPenalty,
    HazardSeverity Severity,
    IReadOnlyList<string> Schemes,
    IReadOnlyList<SeverityOverride> Overrides,
    IReadOnlyList<string> Places,
    string MajorBasis,
    string Fix,
    string Deadline,
    string Note,
    ContentPage Page,
    int Line,
    int SchemesLine,
    string Cause = "");

/// <summary>A penalty article, the duties it punishes (read from its text) and the 案由 it stands for.</summary>
public sealed record PenaltyRule(CitationInline Penalty, string Cause, IReadOnlyList<CitationInline> Duties, string Note, ContentPage Page, int Line);

/// <summary>A catalogue hazard as one questionnaire applies it: its level for that premises and the fix it shows.</summary>
/// <param name="Severity">Null for advice-only hazards.</param>
public sealed record AppliedHazard(CatalogueHazard Definition, HazardSeverity? Severity, IReadOnlyList<string> Schemes, string Fix)
{
    public string Id => Definition.Id;
}

/// <summary>Every hazard and penalty rule under content/hazards/.</summary>
public sealed record HazardCatalogue(IReadOnlyDictionary<string, CatalogueHazard> Hazards, IReadOnlyList<PenaltyRule> Penalties)
{
    public const string Folder = "hazards";

    public static IReadOnlyList<string> PremisesClasses => QuestionnaireFrontMatter.PremisesClasses;

    public static readonly HazardCatalogue Empty = new(new Dictionary<string, CatalogueHazard>(), []);

    /// <summary>The hazard for premises of these classes: the most severe matching override wins.</summary>
    public static AppliedHazard Apply(CatalogueHazard hazard, IReadOnlyList<string> classes, string? fix)
    {
        if (hazard.AdviceOnly) return new AppliedHazard(hazard, null, [], fix ?? hazard.Fix);
        var level = hazard.Overrides.Where(o => classes.Contains(o.Class)).OrderByDescending(o => o.Severity).FirstOrDefault();
        return level is null
            ? new AppliedHazard(hazard, hazard.Severity, hazard.Schemes, fix ?? hazard.Fix)
            : new AppliedHazard(hazard, level.Severity, level.Schemes ?? hazard.Schemes, fix ?? hazard.Fix);
    }
}
