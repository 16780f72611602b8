using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Content;

namespace PublicEdu.Generator.Load;

/// <summary>
/// Stage 1, Load: reads content/, splits front matter from Markdown, parses both, and decides
/// each page's kind and URL. Files are independent here, so they are parsed in parallel.
/// </summary>
public static partial class ContentLoader
{
    public static readonly IReadOnlyList<string> CommonKeys = ["title", "slug", "summary", "date", "updated", "tags", "toc"];

    /// <summary>Top-level URL segments that sections and generated files use.</summary>
    private static readonly HashSet<string> ReservedSlugs =
        ["guides", "articles", "laws", "selfchecks", "hazards", "search", "css", "js", "feed", "404", "sitemap", "robots"];

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>
    /// <paramref name="reuse"/> lets a serve rebuild keep a page it loaded before: given a file's
    /// relative path and stamp, it returns that page, or null to read the file again.
    /// <paramref name="knownFiles"/> lets it skip walking the folder when the file watcher has
    /// vouched that no file came or went: every file's full path and stamp, in ordinal order.
    /// </summary>
    public static LoadedContent? Load(string contentDir, DiagnosticBag diagnostics, string? basePathOverride = null,
        Func<string, FileStamp, ContentPage?>? reuse = null, IReadOnlyList<(string FullPath, FileStamp Stamp)>? knownFiles = null)
    {
        if (!Directory.Exists(contentDir))
        {
            diagnostics.Error(DisplayPath.For(contentDir), 0, 0, DiagnosticCodes.ContentFolderMissing,
                "找不到内容文件夹。请用 --content 指定包含 site.yml 的文件夹。");
            return null;
        }
        var site = SiteConfig.Load(contentDir, diagnostics, basePathOverride);
        if (site is null) return null;

        // Every file lies below the root, so its relative path is a suffix; on a large site this
        // runs on every serve rebuild, and Path.GetRelativePath is comparatively slow.
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir));
        var found = knownFiles?.Select(f => (f.FullPath, (FileInfo?)null, (FileStamp?)f.Stamp))
            ?? EnumerateFiles(contentDir, diagnostics).Select(f => (f.FullName, (FileInfo?)f, (FileStamp?)null));
        var markdown = new List<(string FullPath, string Relative, FileInfo? Info, FileStamp? Stamp)>();
        var files = new List<StaticFile>();
        foreach (var (fullPath, info, stamp) in found)
        {
            var relative = fullPath[(root.Length + 1)..].Replace('\\', '/');
            if (relative is SiteConfig.FileName or SelfChecks.ExemptionRules.FileName or Search.Synonyms.FileName) continue;
            if (relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) markdown.Add((fullPath, relative, info, stamp));
            else files.Add(new StaticFile(fullPath, relative, stamp ?? FileStamp.Of(info!)));
        }

        // Files come in ordinal order of their paths, so pages placed by index need no sorting.
        var loaded = new ContentPage?[markdown.Count];
        Parallel.For(0, markdown.Count, i =>
        {
            var entry = markdown[i];
            var stamp = entry.Stamp ?? FileStamp.Of(entry.Info!);
            if (reuse?.Invoke(entry.Relative, stamp) is { } kept)
            {
                foreach (var diagnostic in kept.LoadDiagnostics) diagnostics.Add(diagnostic);
                loaded[i] = kept;
                return;
            }
            var local = new DiagnosticBag();
            loaded[i] = LoadPage(entry.FullPath, entry.Relative, stamp, site, local);
            foreach (var diagnostic in local.Sorted()) diagnostics.Add(diagnostic);
        });

        var ordered = loaded.OfType<ContentPage>().Where(p => p.Kind != PageKind.HazardCatalogue).ToList();
        var catalogue = loaded.OfType<ContentPage>().Where(p => p.Kind == PageKind.HazardCatalogue).ToList();
        ReportDuplicateUrls(ordered, files, diagnostics);
        // The build fails on the duplicate; later stages see each URL once so they can report the rest.
        var unique = ordered.DistinctBy(p => p.Url).ToList();
        return new LoadedContent(site, unique, files, catalogue, SelfChecks.ExemptionRules.Load(contentDir, diagnostics));
    }

    /// <summary>
    /// Every file under content/, in ordinal order. We walk folders ourselves so that a symbolic
    /// link to a folder (which can loop back on itself) is reported instead of followed; links to
    /// files are read like files. Dot-files and editor backups (~) are never content.
    /// </summary>
    private static List<FileInfo> EnumerateFiles(string contentDir, DiagnosticBag diagnostics)
    {
        var result = new List<FileInfo>();
        var pending = new Stack<string>();
        pending.Push(contentDir);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DisplayPath.For(dir), 0, 0, DiagnosticCodes.FileUnreadable,
                    $"无法读取文件夹：{ex.Message}。请检查文件夹权限。");
                continue;
            }
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.') || entry.Name.EndsWith('~')) continue;
                if (entry is DirectoryInfo sub)
                {
                    if (sub.LinkTarget is not null)
                        diagnostics.Error(DisplayPath.For(sub.FullName), 0, 0, DiagnosticCodes.FolderLinkNotFollowed,
                            $"“{sub.Name}”是指向其他文件夹的符号链接（目标：{sub.LinkTarget}）。为避免循环和意外发布，生成器不读取它。请把文件直接复制到内容文件夹中。");
                    else
                        pending.Push(sub.FullName);
                    continue;
                }
                if (entry is FileInfo file) result.Add(file);
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return result;
    }

    /// <param name="diagnostics">This page's own bag: what it holds at the end is kept with the page.</param>
    private static ContentPage? LoadPage(string full, string relative, FileStamp stamp, SiteConfig site, DiagnosticBag diagnostics)
    {
        var display = DisplayPath.For(full);
        var kind = KindFor(relative);
        if (kind is null)
        {
            diagnostics.Error(display, 0, 0, DiagnosticCodes.UnsupportedFile,
                "这个文件夹里的 Markdown 文件不会生成页面。页面放在 content/ 根目录，指引放在 guides/，文章放在 articles/，法律放在 laws/，自查问卷放在 selfchecks/，隐患目录放在 hazards/。");
            return null;
        }
        var text = SourceText.Read(full, display, diagnostics);
        if (text is null) return null;

        var (yaml, body, unterminated) = FrontMatterSplitter.Split(text);
        if (unterminated)
        {
            diagnostics.Error(display, 1, 1, DiagnosticCodes.FrontMatterMissing,
                "front matter 只有开头的 ---，没有结束的 ---。请在设置项之后单独写一行 ---，再写正文。");
            return null;
        }
        if (yaml is null)
        {
            diagnostics.Error(display, 1, 1, DiagnosticCodes.FrontMatterMissing,
                "文件开头缺少 front matter。请在第一行写 ---，接着写 title: 标题，再写一行 --- 结束。");
            return null;
        }
        // Front matter starts on line 2, after the opening ---.
        var map = YamlMap.Parse(yaml, display, 1, diagnostics, DiagnosticCodes.FrontMatterSyntax);
        if (map is null) return null;
        map.ReportUnknownKeys(kind switch
        {
            PageKind.Law => [.. CommonKeys, .. LawFrontMatter.Keys],
            PageKind.SelfCheck => [.. CommonKeys, .. QuestionnaireFrontMatter.Keys],
            _ => CommonKeys,
        });

        var title = map.String("title", required: true);
        var meta = new FrontMatter(
            title ?? Path.GetFileNameWithoutExtension(relative),
            map.String("summary") ?? "",
            map.Date("date", required: kind == PageKind.Article),
            map.Date("updated"),
            map.StringList("tags"),
            map.Bool("toc"));

        // Every key of the page's kind is read here, into the bag that is kept with the page.
        var lawFrontMatter = kind == PageKind.Law ? LawFrontMatter.Read(map, display, diagnostics) : null;
        var questionnaireFrontMatter = kind == PageKind.SelfCheck ? QuestionnaireFrontMatter.Read(map, meta.Title, display, diagnostics) : null;

        // A page whose name cannot be a URL is reported, and kept under a placeholder address, so
        // links and citations to it do not fail as well; the build cannot succeed anyway.
        var slug = SlugFor(relative, map, display, diagnostics) ?? (kind == PageKind.Home ? "" : PlaceholderSlug(relative));

        var document = Markdig.Markdown.Parse(body, MarkdownPipelines.For(site.AllowRawHtml));
        // With raw HTML off, Markdig keeps tags as text and there is nothing to record.
        var rawHtml = !site.AllowRawHtml ? [] : document.Descendants<Markdig.Syntax.HtmlBlock>()
            .Select(b => new RawHtmlFragment(b.Line + 1, b.Column + 1, b.Lines.ToString()))
            .Concat(document.Descendants<Markdig.Syntax.Inlines.HtmlInline>().Select(i => new RawHtmlFragment(i.Line + 1, i.Column + 1, i.Tag)))
            .OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
        return new ContentPage
        {
            FullPath = full,
            DisplayPath = display,
            RelativePath = relative,
            Kind = kind.Value,
            Meta = meta,
            LawFrontMatter = lawFrontMatter,
            QuestionnaireFrontMatter = questionnaireFrontMatter,
            Document = document,
            Url = UrlFor(kind.Value, slug),
            Stamp = stamp,
            SourceHash = SourceText.Hash(text),
            RawHtml = rawHtml,
            LoadDiagnostics = diagnostics.Sorted(),
        };
    }

    private static PageKind? KindFor(string relative)
    {
        var parts = relative.Split('/');
        return parts switch
        {
            [var name] when name.Equals("index.md", StringComparison.OrdinalIgnoreCase) => PageKind.Home,
            [_] => PageKind.Page,
            ["guides", _] => PageKind.Guide,
            ["articles", _] => PageKind.Article,
            ["laws", _] => PageKind.Law,
            ["selfchecks", _] => PageKind.SelfCheck,
            ["hazards", _] => PageKind.HazardCatalogue,
            _ => null,
        };
    }

    private static string UrlFor(PageKind kind, string slug) => kind switch
    {
        PageKind.Home => "",
        PageKind.Page => slug + "/",
        PageKind.Guide => "guides/" + slug + "/",
        PageKind.Article => "articles/" + slug + "/",
        PageKind.Law => "laws/" + slug + "/",
        PageKind.SelfCheck => "selfchecks/" + slug + "/",
        PageKind.HazardCatalogue => "hazards/" + slug + "/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string? SlugFor(string relative, YamlMap map, string display, DiagnosticBag diagnostics)
    {
        var explicitSlug = map.String("slug");
        var isTopLevel = !relative.Contains('/');
        if (explicitSlug is not null)
        {
            var (line, col) = map.PositionOf("slug");
            if (!SlugPattern().IsMatch(explicitSlug))
            {
                diagnostics.Error(display, line, col, DiagnosticCodes.InvalidSlug,
                    $"slug “{explicitSlug}”不能用作网址。只用小写英文字母、数字和连字符，例如 slug: keep-exits-clear。");
                return null;
            }
            if (isTopLevel && ReservedSlugs.Contains(explicitSlug))
            {
                diagnostics.Error(display, line, col, DiagnosticCodes.InvalidSlug,
                    $"slug “{explicitSlug}”是网站保留的栏目地址，请换一个。");
                return null;
            }
            return explicitSlug;
        }

        var stem = Path.GetFileNameWithoutExtension(relative);
        if (stem.Any(c => c > 127))
        {
            diagnostics.Error(display, 1, 1, DiagnosticCodes.NonAsciiFileName,
                $"文件名“{stem}”含中文或其他非英文字符，不能直接用作网址。请在 front matter 中加一行 slug，例如 slug: {SuggestSlug(relative)}（只用小写字母、数字和连字符），或把文件改成英文名。");
            return null;
        }
        var fromName = stem.ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        if (isTopLevel && ReservedSlugs.Contains(fromName))
        {
            diagnostics.Error(display, 1, 1, DiagnosticCodes.InvalidSlug,
                $"文件名“{stem}”是网站保留的栏目地址，不能用作页面网址。请改名，或在 front matter 中写 slug: {SuggestSlug(relative)}。");
            return null;
        }
        if (!SlugPattern().IsMatch(fromName))
        {
            diagnostics.Error(display, 1, 1, DiagnosticCodes.InvalidSlug,
                $"文件名“{stem}”不能用作网址。请改名（只用小写字母、数字和连字符），或在 front matter 中写 slug: {SuggestSlug(relative)}。");
            return null;
        }
        return fromName;
    }

    private static string PlaceholderSlug(string relative) =>
        "invalid-" + SourceText.Hash(relative).ToString("x32", System.Globalization.CultureInfo.InvariantCulture)[..12];

    /// <summary>A placeholder the author can accept as-is; we have no pinyin dictionary to do better.</summary>
    private static string SuggestSlug(string relative) => relative.Split('/')[0] switch
    {
        "guides" => "my-guide",
        "articles" => "my-article",
        "laws" => "my-law",
        "selfchecks" => "my-selfcheck",
        _ => "my-page",
    };

    private static void ReportDuplicateUrls(IReadOnlyList<ContentPage> pages, IReadOnlyList<StaticFile> files, DiagnosticBag diagnostics)
    {
        foreach (var group in pages.GroupBy(p => p.Url).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
                diagnostics.Error(other.DisplayPath, 1, 1, DiagnosticCodes.DuplicateUrl,
                    $"网址 /{other.Url} 与 {first.DisplayPath} 重复。请修改其中一个文件的 slug。");
        }
        var fileSet = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => fileSet.Contains(p.Url + "index.html")))
            diagnostics.Error(page.DisplayPath, 1, 1, DiagnosticCodes.DuplicateUrl,
                $"网址 /{page.Url} 已被内容文件夹中的 {page.Url}index.html 占用。请修改 slug 或删除那个文件。");
    }
}
