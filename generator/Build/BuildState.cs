using PublicEdu.Generator.Content;
using PublicEdu.Generator.Output;
using PublicEdu.Generator.Rendering;
using PublicEdu.Generator.Search;
using PublicEdu.Generator.Load;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Generator.Build;

/// <summary>
/// What a successful build keeps in memory for the next one in serve mode: the loaded and
/// resolved pages, the files it wrote with the hash of their inputs, the link checker's scans
/// and the search index's documents and term counts. The next build reuses whatever did not
/// change and redoes the rest.
/// </summary>
public sealed record BuildState(
    BuildOptions Options,
    ResolvedSite Site,
    ThemeAssets Theme,
    UInt128 RenderStamp,
    IReadOnlyDictionary<string, OutputFile> Files,
    LinkChecker.Scans Scans,
    SearchDocuments SearchDocuments,
    TermCounter Terms,
    IReadOnlyList<OutputFile> SearchFiles)
{
    /// <summary>
    /// Which pages the loader may keep. A page is read again when its file changed or the watcher
    /// named it, and when it cites one of <paramref name="reshapedLaws"/>: citations are resolved
    /// into the page's syntax tree, so resolving them against a law whose articles changed needs
    /// a fresh tree.
    /// </summary>
    public Func<string, FileStamp, ContentPage?> Reusable(FileChanges changes, IReadOnlySet<string> reshapedLaws)
    {
        var pages = Site.Content.Pages.ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
        return (relative, stamp) => pages.GetValueOrDefault(relative) is { } page && page.Stamp == stamp && !changes.Paths.Contains(page.FullPath)
            && !Site.Pages[page].CitedLaws.Overlaps(reshapedLaws) ? page : null;
    }

    /// <summary>
    /// Every file of the content folder with its stamp, without walking the folder: possible
    /// when the watcher's report is complete and names only files the last build already had and
    /// that still exist. Otherwise null, and the loader walks the folder.
    /// </summary>
    public IReadOnlyList<(string FullPath, FileStamp Stamp)>? KnownFiles(FileChanges changes)
    {
        if (!changes.Complete) return null;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Options.ContentDir)) + Path.DirectorySeparatorChar;
        var known = Site.Content.Pages.Concat(Site.Content.Catalogue).Select(p => (p.FullPath, p.Stamp))
            .Concat(Site.Content.Files.Select(f => (f.FullPath, f.Stamp)))
            .ToDictionary(f => f.FullPath, f => f.Stamp, StringComparer.Ordinal);
        foreach (var path in changes.Paths.Where(p => p.StartsWith(root, StringComparison.Ordinal)))
        {
            // site.yml, a new or deleted file, a folder, an editor's temporary file: walk the folder.
            if (!known.ContainsKey(path) || !File.Exists(path)) return null;
            known[path] = FileStamp.Of(new FileInfo(path));
        }
        return known.Select(k => (k.Key, k.Value)).OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The laws whose <see cref="Laws.Law.CitationShape"/> differs from the last build's.</summary>
    public IReadOnlySet<string> ReshapedLaws(Laws.LawRegistry laws)
    {
        var before = Site.Laws.Laws.ToDictionary(l => l.Slug, l => l.CitationShape, StringComparer.Ordinal);
        return laws.Laws.Where(l => before.GetValueOrDefault(l.Slug) != l.CitationShape).Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the site's shape is as before: the same settings, hazard catalogue and exemption
    /// rules, the same pages at the same addresses and the same files. Links and citations on every page are resolved against these,
    /// so when they change, the next build starts from nothing.
    /// </summary>
    public bool SameShape(LoadedContent content) =>
        content.Site.SourceHash == Site.Content.Site.SourceHash
        && content.CatalogueHash == Site.Content.CatalogueHash
        && content.Pages.Select(p => (p.RelativePath, p.Url)).SequenceEqual(Site.Content.Pages.Select(p => (p.RelativePath, p.Url)))
        && content.Files.Select(f => f.RelativePath).SequenceEqual(Site.Content.Files.Select(f => f.RelativePath), StringComparer.Ordinal);

    /// <summary>Whether every law is still cited by the same names; a new name can turn prose on any page into a citation.</summary>
    public bool SameLawNames(Laws.LawRegistry laws) =>
        laws.Names.Select(n => (n.Name, n.Law.Slug)).Order().SequenceEqual(Site.Laws.Names.Select(n => (n.Name, n.Law.Slug)).Order());
}
