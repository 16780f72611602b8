using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Rendering;

namespace PublicEdu.Generator.Output;

/// <summary>
/// Checks that every internal href and src in the output points to a written file and every
/// #fragment to an id on that page. We scan our own generated HTML with patterns rather than a
/// full parser: the theme and Markdig always quote attributes with double quotes.
/// </summary>
public static partial class LinkChecker
{
    [GeneratedRegex("\\s(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("\\sid=\"(?<id>[^\"]*)\"")]
    private static partial Regex IdAttribute();

    public static void Check(IReadOnlyList<OutputFile> files, ResolvedSite site, string basePath, DiagnosticBag diagnostics)
    {
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var ids = files.Where(f => f.IsHtml).ToDictionary(
            f => f.Path,
            f => IdAttribute().Matches(Encoding.UTF8.GetString(f.Content)).Select(m => WebUtility.HtmlDecode(m.Groups["id"].Value)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        Parallel.ForEach(files.Where(f => f.IsHtml), file =>
        {
            var html = Encoding.UTF8.GetString(file.Content);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in LinkAttribute().Matches(html))
            {
                var raw = WebUtility.HtmlDecode(match.Groups["url"].Value);
                var target = Resolve(file.Path, raw, basePath);
                if (target is null) continue;
                var (path, fragment) = target.Value;
                string? problem = null;
                if (!paths.Contains(path)) problem = $"链接“{raw}”指向的页面或文件不存在";
                else if (fragment.Length > 0 && ids.TryGetValue(path, out var targetIds) && !targetIds.Contains(fragment))
                    problem = $"链接“{raw}”指向的位置 #{fragment} 在目标页面上不存在";
                if (problem is null || !reported.Add(raw)) continue;
                Report(file, path, fragment, problem, site, diagnostics);
            }
        });
    }

    private static void Report(OutputFile file, string path, string fragment, string problem, ResolvedSite site, DiagnosticBag diagnostics)
    {
        var code = problem.Contains('#') ? DiagnosticCodes.BrokenFragment : DiagnosticCodes.BrokenLink;
        if (file.Source is { } page)
        {
            var siteTarget = "/" + (path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);
            var source = site.Pages[page].Links.FirstOrDefault(l =>
                l.Target == siteTarget + (fragment.Length > 0 ? "#" + fragment : "") || l.Target.Split('#')[0] == siteTarget);
            if (source is not null)
            {
                diagnostics.Error(page.DisplayPath, source.Line, source.Column, code, problem + "。请核对地址，站内地址以 / 开头，例如 /guides/。");
                return;
            }
            diagnostics.Error(page.DisplayPath, 1, 1, code, problem + "（由页面模板或导航生成）。请检查 site.yml 的 navigation 和相关页面是否存在。");
            return;
        }
        var nav = site.Content.Site.NavigationLines.FirstOrDefault(n => path.StartsWith(n.Key, StringComparison.Ordinal) || n.Key.Length == 0 && path == "index.html");
        diagnostics.Error(site.Content.Site.SourcePath, nav.Value, 1, code,
            $"生成的页面 /{file.Path} 中，{problem}。请检查 site.yml 的 navigation 是否指向存在的页面。");
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
