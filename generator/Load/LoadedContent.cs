using PublicEdu.Generator.Content;
using PublicEdu.Generator.SelfChecks;

namespace PublicEdu.Generator.Load;

/// <summary>The output of Load, the input of Resolve.</summary>
/// <param name="Catalogue">The files of content/hazards/: read like pages, but they render nothing themselves.</param>
/// <param name="Rules">content/exemptions.yml; null when the site has none.</param>
public sealed record LoadedContent(SiteConfig Site, IReadOnlyList<ContentPage> Pages, IReadOnlyList<StaticFile> Files,
    IReadOnlyList<ContentPage> Catalogue, ExemptionRules? Rules)
{
    /// <summary>What every questionnaire's hazards depend on besides its own file; a serve rebuild starts from nothing when it changes.</summary>
    public UInt128 CatalogueHash { get; } = Catalogue.Aggregate(Rules?.SourceHash ?? 0, (hash, page) => hash * 31 + page.SourceHash);
}
