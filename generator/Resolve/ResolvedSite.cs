using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Links;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Generator.Load;

namespace PublicEdu.Generator.Resolve;

/// <summary>What the Resolve stage knows about one page.</summary>
/// <param name="CitedLaws">Slugs of the laws this page's citations named; their edits change this page's links.</param>
/// <param name="Diagnostics">What resolving this page reported, kept so a rebuild that reuses it reports it again.</param>
public sealed record PageResolution(
    IReadOnlyList<SourceLink> Links,
    IReadOnlySet<string> PreviewKeys,
    Law? Law,
    IReadOnlySet<string> CitedLaws,
    IReadOnlyList<Backlink> Backlinks,
    Questionnaire? Questionnaire,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The output of Resolve, the input of Render.</summary>
public sealed record ResolvedSite(
    LoadedContent Content,
    LawRegistry Laws,
    IReadOnlyDictionary<ContentPage, PageResolution> Pages,
    IReadOnlyDictionary<(string LawSlug, int Article), IReadOnlyList<Backlink>> Backlinks,
    IReadOnlyDictionary<ContentPage, Questionnaire> Questionnaires,
    HazardCatalogue Catalogue);
