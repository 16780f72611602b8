using AngleSharp.Html.Parser;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Links;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Generator.Output;

/// <summary>
/// Checks that every internal href and src in the output points to a written file and every
/// #fragment to an id on that page. We scan our own generated HTML with patterns rather than a
/// full parser: the theme and Markdig always quote attributes with double quotes. A page whose
/// author wrote raw HTML may quote with ' or not at all, so only such a page is read with
/// AngleSharp, a real HTML5 parser.
/// </summary>
public static partial class LinkChecker
{
    [GeneratedRegex("\\s(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("\\sid=\"(?<id>[^\"]*)\"")]
    private static partial Regex IdAttribute();

    /// <summary>The ids and the checkable links of one generated HTML file, read once per distinct content.</summary>
    /// <param name="Targets">The distinct paths its links point to.</param>
    public sealed record HtmlScan(byte[] Content, IReadOnlySet<string> Ids, IReadOnlyList<(string Raw, string Path, string Fragment)> Links,
        IReadOnlySet<string> Targets);

    /// <summary>What a check leaves for the next one: the scans by path, and every path the site had.</summary>
    public sealed record Scans(IReadOnlyDictionary<string, HtmlScan> ByPath, IReadOnlySet<string> Paths);

    /// <param name="previous">
    /// The last successful build's scans, in serve mode. Its links were all sound, so a file with
    /// the same bytes needs checking again only if it links to a file that changed or went away.
    /// </param>
    public static Scans Check(IReadOnlyList<OutputFile> files, ResolvedSite site, string basePath,
        DiagnosticBag diagnostics, Scans? previous = null)
    {
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var html = files.Where(f => f.IsHtml).DistinctBy(f => f.Path).ToList();
        var found = new HtmlScan[html.Count];
        var reused = new bool[html.Count];
        Parallel.For(0, html.Count, i =>
        {
            var kept = previous?.ByPath.GetValueOrDefault(html[i].Path);
            reused[i] = kept is not null && ReferenceEquals(kept.Content, html[i].Content);
            found[i] = reused[i] ? kept! : Scan(html[i], basePath);
        });
        var scans = new Dictionary<string, HtmlScan>(html.Count, StringComparer.Ordinal);
        for (var i = 0; i < html.Count; i++) scans[html[i].Path] = found[i];
        var changedTargets = previous is null ? []
            : html.Where((_, i) => !reused[i]).Select(f => f.Path).Concat(previous.Paths.Where(p => !paths.Contains(p))).ToList();
        // A broken navigation link is on every page; say it once, naming the first page in path order.
        var themeLinks = new System.Collections.Concurrent.ConcurrentBag<(OutputFile File, string Path, string Fragment, bool MissingPage)>();

        Parallel.For(0, html.Count, i =>
        {
            var file = html[i];
            if (reused[i] && !changedTargets.Any(found[i].Targets.Contains)) return;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (raw, path, fragment) in found[i].Links)
            {
                var missingPage = !paths.Contains(path);
                var missingFragment = !missingPage && fragment.Length > 0 && scans.TryGetValue(path, out var target) && !target.Ids.Contains(fragment);
                if (!missingPage && !missingFragment || !reported.Add(raw)) continue;
                var source = file.Source is { } page ? FindSource(site.Pages[page].Links, path, fragment) ?? FindRawHtmlSource(page, raw) : null;
                if (source is null) themeLinks.Add((file, path, fragment, missingPage));
                else Report(file, source, path, fragment, missingPage, paths, site, diagnostics);
            }
        });
        foreach (var group in themeLinks.GroupBy(l => (l.Path, l.Fragment)))
        {
            var first = group.MinBy(l => l.File.Path, StringComparer.Ordinal);
            Report(first.File, null, first.Path, first.Fragment, first.MissingPage, paths, site, diagnostics);
        }
        return new Scans(scans, paths);
    }

    private static HtmlScan Scan(OutputFile file, string basePath)
    {
        var text = Encoding.UTF8.GetString(file.Content);
        if (file.Source is { RawHtml.Count: > 0 }) return ScanDocument(file, text, basePath);
        var ids = IdAttribute().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups["id"].Value)).ToHashSet(StringComparer.Ordinal);
        var links = new List<(string, string, string)>();
        foreach (Match match in LinkAttribute().Matches(text))
        {
            var raw = WebUtility.HtmlDecode(match.Groups["url"].Value);
            if (Resolve(file.Path, raw, basePath) is var (path, fragment)) links.Add((raw, path, fragment));
        }
        return new HtmlScan(file.Content, ids, links, links.Select(l => l.Item2).ToHashSet(StringComparer.Ordinal));
    }

    private static HtmlScan ScanDocument(OutputFile file, string text, string basePath)
    {
        var document = new HtmlParser().ParseDocument(text);
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var links = new List<(string, string, string)>();
        foreach (var raw in LinksOf(document))
            if (Resolve(file.Path, raw, basePath) is var (path, fragment)) links.Add((raw, path, fragment));
        return new HtmlScan(file.Content, ids, links, links.Select(l => l.Item2).ToHashSet(StringComparer.Ordinal));
    }

    private static IEnumerable<string> LinksOf(AngleSharp.Dom.IParentNode node) =>
        node.QuerySelectorAll("[href], [src]").SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }).OfType<string>();

    /// <summary>The raw HTML fragment of the page that holds <paramref name="raw"/>, as a source to name in the error.</summary>
    private static SourceLink? FindRawHtmlSource(ContentPage page, string raw) =>
        page.RawHtml.Where(f => LinksOf(new HtmlParser().ParseDocument(f.Html)).Contains(raw))
            .Select(f => new SourceLink(raw, raw, f.Line, f.Column)).FirstOrDefault();

    private static SourceLink? FindSource(IReadOnlyList<SourceLink> links, string path, string fragment)
    {
        var siteTarget = SiteUrl(path);
        return links.FirstOrDefault(l => Uri.UnescapeDataString(l.Target) == siteTarget + (fragment.Length > 0 ? "#" + fragment : ""))
            ?? links.FirstOrDefault(l => l.Target.Split('#')[0] == siteTarget);
    }

    private static void Report(OutputFile file, SourceLink? source, string path, string fragment, bool missingPage,
        IReadOnlySet<string> paths, ResolvedSite site, DiagnosticBag diagnostics)
    {
        var code = missingPage ? DiagnosticCodes.BrokenLink : DiagnosticCodes.BrokenFragment;
        var shown = SiteUrl(path) + (fragment.Length > 0 ? "#" + fragment : "");
        if (source is not null)
        {
            var written = SafeUnescape(source.Written);
            var problem = missingPage
                ? $"链接“{written}”指向的页面或文件不存在。"
                : $"链接“{written}”指向的位置 #{fragment} 在目标页面上不存在。请核对标题文字或条号（条文的位置写作 #art-60）。";
            // The commonest slip: /guides/x without the closing slash names a file, not the page.
            if (missingPage && paths.Contains(path.TrimEnd('/') + "/index.html") && !written.Split('#')[0].EndsWith('/'))
                problem += $"网址末尾少了 /，请写成“{written.Split('#')[0]}/”。";
            else if (missingPage)
                problem += "请核对地址；站内页面写成 /guides/文件名/ 的形式。";
            diagnostics.Error(file.Source!.DisplayPath, source.Line, source.Column, code, problem);
            return;
        }
        var nav = site.Content.Site.NavigationLines.FirstOrDefault(n => (n.Key.Length == 0 ? "index.html" : n.Key.TrimEnd('/') + "/index.html") == path);
        var where = nav.Key is not null ? "site.yml 的导航（navigation）" : "页面模板";
        diagnostics.Error(site.Content.Site.SourcePath, nav.Key is not null ? nav.Value : 0, 1, code,
            $"{where}中的链接 {shown} 指向的页面不存在（首次出现在生成的 /{file.Path}）。请修改或删除这一项，或先添加对应的页面。");
    }

    /// <summary>An output file as the site address authors write: "guides/a/index.html" → "/guides/a/".</summary>
    private static string SiteUrl(string path) =>
        "/" + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);

    private static string SafeUnescape(string text)
    {
        try { return Uri.UnescapeDataString(text); }
        catch (UriFormatException) { return text; }
    }

    /// <summary>
    /// The output path and fragment a link on <paramref name="fromPath"/> points to, or null for
    /// links that are not ours to check (other sites, mailto:, the preview server's own script).
    /// </summary>
    public static (string Path, string Fragment)? Resolve(string fromPath, string url, string basePath)
    {
        if (url.Length == 0 || url.Contains(':') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/__publicedu/", StringComparison.Ordinal))
            return null;
        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : "";
        var path = hash >= 0 ? url[..hash] : url;
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        path = Uri.UnescapeDataString(path);

        string combined;
        if (path.Length == 0) combined = fromPath;
        else if (path.StartsWith('/'))
        {
            if (!path.StartsWith(basePath, StringComparison.Ordinal)) return ("\u0000outside-base-path" + path, fragment);
            combined = path[basePath.Length..];
        }
        else
        {
            var dir = fromPath.Contains('/') ? fromPath[..(fromPath.LastIndexOf('/') + 1)] : "";
            combined = dir + path;
        }
        var normalised = Links.LinkResolver.Normalise(combined);
        if (normalised is null) return ("\u0000outside-site/" + combined, fragment);
        if (normalised.Length == 0 || normalised.EndsWith('/') || combined.EndsWith('/')) normalised = normalised.Length == 0 ? "index.html" : normalised.TrimEnd('/') + "/index.html";
        return (normalised, fragment);
    }
}
