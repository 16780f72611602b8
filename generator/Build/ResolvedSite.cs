using PublicEdu.Generator.Content;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Links;

namespace PublicEdu.Generator.Build;

/// <summary>What the Resolve stage knows about one page.</summary>
public sealed record PageResolution(IReadOnlyList<SourceLink> Links, IReadOnlySet<string> PreviewKeys, Law? Law);

/// <summary>The output of Resolve, the input of Render.</summary>
public sealed record ResolvedSite(
    LoadedContent Content,
    LawRegistry Laws,
    IReadOnlyDictionary<ContentPage, PageResolution> Pages,
    IReadOnlyDictionary<(string LawSlug, int Article), IReadOnlyList<Backlink>> Backlinks,
    IReadOnlyDictionary<ContentPage, SelfChecks.Questionnaire> Questionnaires);
