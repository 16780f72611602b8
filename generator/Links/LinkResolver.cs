using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Links;

/// <summary>Where a Markdown link points, kept so a broken link in the output names its source line.</summary>
public sealed record SourceLink(string Target, string Written, int Line, int Column);

/// <summary>
/// Resolve stage for Markdown links and images. Authors write site paths (/guides/x/) or paths to
/// other Markdown files (../guides/x.md); both become site paths ("/guides/x/") that the renderer
/// makes page-relative. Unsafe schemes and paths that leave the site are refused here.
/// </summary>
public static class LinkResolver
{
    private static readonly string[] SafeSchemes = ["http:", "https:", "mailto:", "tel:"];

    public static IReadOnlyList<SourceLink> Resolve(ContentPage page, IReadOnlyDictionary<string, string> urlBySourcePath, DiagnosticBag diagnostics)
    {
        var links = new List<SourceLink>();
        foreach (var link in page.Document.Descendants<LinkInline>())
        {
            var url = (link.Url ?? "").Trim();
            var line = link.Line + 1;
            var column = link.Column + 1;
            if (url.Length == 0 || url.StartsWith('#'))
            {
                if (url.Length > 1) links.Add(new SourceLink("/" + page.Url + url, url, line, column));
                continue;
            }
            var colon = url.IndexOf(':');
            var slash = url.IndexOf('/');
            if (colon > 0 && (slash < 0 || colon < slash))
            {
                if (!SafeSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                {
                    diagnostics.Error(page.DisplayPath, line, column, DiagnosticCodes.UnsafeLink,
                        $"链接“{Shorten(url)}”使用了不安全或不支持的协议。只能链接到站内页面或 http(s)、mailto、tel 地址。");
                    link.Url = "#";
                }
                continue;
            }
            if (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('\\'))
            {
                diagnostics.Error(page.DisplayPath, line, column, DiagnosticCodes.UnsafeLink,
                    $"链接“{Shorten(url)}”省略了协议。站外链接请写完整的 https:// 地址，站内链接以单个 / 开头。");
                link.Url = "#";
                continue;
            }

            var hash = url.IndexOf('#');
            var path = Uri.UnescapeDataString(hash >= 0 ? url[..hash] : url);
            var fragment = hash >= 0 ? url[hash..] : "";
            var query = path.IndexOf('?');
            if (query >= 0) path = path[..query];

            // Relative paths are relative to the Markdown file's folder inside content/.
            var baseDir = Path.GetDirectoryName(page.RelativePath)?.Replace('\\', '/') ?? "";
            var combined = path.StartsWith('/') ? path.TrimStart('/') : (baseDir.Length > 0 ? baseDir + "/" + path : path);
            var normalised = Normalise(combined);
            if (normalised is null)
            {
                diagnostics.Error(page.DisplayPath, line, column, DiagnosticCodes.LinkEscapesSite,
                    $"链接“{Shorten(url)}”指向网站以外的位置（../ 过多）。请改成站内地址，例如 /guides/。");
                link.Url = "#";
                continue;
            }
            if (normalised.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                if (!urlBySourcePath.TryGetValue(normalised, out var pageUrl))
                {
                    diagnostics.Error(page.DisplayPath, line, column, DiagnosticCodes.BrokenLink,
                        $"链接指向的文件“{normalised}”不存在。请核对文件名和路径。");
                    link.Url = "#";
                    continue;
                }
                normalised = pageUrl;
            }
            var target = "/" + normalised + fragment;
            link.Url = target;
            links.Add(new SourceLink(target, url, line, column));
        }
        return links;
    }

    /// <summary>Resolves "." and ".." segments; null when ".." would climb above the site root.</summary>
    public static string? Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(segment);
        }
        var joined = string.Join('/', parts);
        return path.EndsWith('/') && joined.Length > 0 ? joined + "/" : joined;
    }

    private static string Shorten(string url) => url.Length > 60 ? url[..60] + "…" : url;
}
