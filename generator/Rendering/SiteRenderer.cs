using Markdig.Renderers.Html;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Markdig.Syntax;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.HeadingIds;
using PublicEdu.Theme.Models;
using PublicEdu.Theme.Pages;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Stage 3, Render: turns each resolved page into a view model and renders it through its theme
/// component; adds the section lists, home page, law index, 404 page and the theme's assets.
/// </summary>
public sealed class SiteRenderer(ResolvedSite site, ThemeAssets theme, RenderOptions options, string searchFolder)
{
    private static readonly JsonSerializerOptions PreviewJson = new()
    {
        // Keeps Chinese readable while still escaping < > & so the JSON cannot close its script element.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private SiteConfig Config => site.Content.Site;

    private SiteInfo SiteInfo => _siteInfo ??= new(Config.Title, Config.Tagline, Config.Description, Config.Organisation, Config.Icp,
        Config.Navigation, Config.ReportingChannels, site.Content.Pages.Any(p => p.Url == "privacy/") ? "privacy/" : null);

    private SiteInfo? _siteInfo;

    private readonly SelfCheckViewBuilder _selfChecks =
        new(site.Laws, site.Content.Site.ReportingChannels, site.Content.Pages.Select(p => p.Url).ToHashSet(StringComparer.Ordinal));

    private static readonly Dictionary<PageKind, (string Title, string Url, string Intro)> Sections = new()
    {
        [PageKind.Guide] = ("办事指引", "guides/", "自查、整改、主动申报和免罚，一步一步讲清楚。"),
        [PageKind.Article] = ("普法文章", "articles/", "消防安全知识、典型案例和本地动态。"),
        [PageKind.Law] = ("法律法规", "laws/", "逐条收录的法律法规原文，配有通俗解读。"),
        [PageKind.SelfCheck] = ("消防自查", "selfchecks/", "按场所类型逐项自查火灾隐患：查出问题、看清依据、知道怎么改，以及主动整改、主动申报可能带来的从宽处理。答案只保存在您自己的浏览器里。"),
    };

    public async Task<IReadOnlyList<OutputFile>> RenderAsync()
    {
        await using var razor = new RazorRenderer();
        var files = new ConcurrentBag<OutputFile>();
        await Parallel.ForEachAsync(site.Content.Pages, async (page, _) =>
        {
            var html = await RenderPageAsync(razor, page);
            files.Add(new OutputFile(page.Url + "index.html", Encoding.UTF8.GetBytes(html), page));
        });
        foreach (var file in await RenderGeneratedPagesAsync(razor)) files.Add(file);
        foreach (var (path, content) in theme.Files) files.Add(new OutputFile(path, content));
        foreach (var file in site.Content.Files) files.Add(new OutputFile(file.RelativePath, await File.ReadAllBytesAsync(file.FullPath)));
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private Task<string> RenderPageAsync(RazorRenderer razor, ContentPage page)
    {
        var resolution = site.Pages[page];
        if (page.Kind == PageKind.Law && resolution.Law is { } law)
            return razor.RenderAsync<LawPageView>("Model", LawView(page, law, resolution));
        if (page.Kind == PageKind.Home)
            return razor.RenderAsync<HomePageView>("Model", HomeView(page, resolution));
        if (page.Kind == PageKind.SelfCheck && site.Questionnaires.TryGetValue(page, out var questionnaire))
        {
            var checkFrame = Frame(page.Meta.Title, page.Meta.Summary, page.Url, Breadcrumbs(page), "website") with { Scripts = ["js/selfcheck.js"] };
            return razor.RenderAsync<SelfCheckPageView>("Model", _selfChecks.Build(questionnaire, checkFrame, Markdown(checkFrame), Previews(resolution.PreviewKeys)));
        }

        var frame = Frame(page.Meta.Title, page.Meta.Summary, page.Url, Breadcrumbs(page), page.Kind == PageKind.Article ? "article" : "website");
        var markdown = Markdown(frame);
        var view = new ContentView(frame, KindLabel(page.Kind), markdown.Render(page.Document), Toc(page),
            page.Meta.Date, page.Meta.Updated, page.Meta.Tags, Previews(resolution.PreviewKeys));
        return razor.RenderAsync<ContentPageView>("Model", view);
    }

    private async Task<IEnumerable<OutputFile>> RenderGeneratedPagesAsync(RazorRenderer razor)
    {
        var result = new List<OutputFile>();
        foreach (var kind in new[] { PageKind.Guide, PageKind.Article })
        {
            var (title, url, intro) = Sections[kind];
            var frame = Frame(title, intro, url, [new Crumb("首页", ""), new Crumb(title, null)], "website");
            var html = await razor.RenderAsync<ListPageView>("Model", new ListView(frame, title, intro, Entries(kind)));
            result.Add(new OutputFile(url + "index.html", Encoding.UTF8.GetBytes(html)));
        }

        var (lawTitle, lawUrl, lawIntro) = Sections[PageKind.Law];
        var lawFrame = Frame(lawTitle, lawIntro, lawUrl, [new Crumb("首页", ""), new Crumb(lawTitle, null)], "website");
        var lawIndex = await razor.RenderAsync<LawIndexPageView>("Model",
            new LawIndexView(lawFrame, lawIntro, site.Laws.Laws.OrderBy(l => l.Page.RelativePath, StringComparer.Ordinal).Select(LawSummary).ToList()));
        result.Add(new OutputFile(lawUrl + "index.html", Encoding.UTF8.GetBytes(lawIndex)));

        var (checkTitle, checkUrl, checkIntro) = Sections[PageKind.SelfCheck];
        var checkIndexFrame = Frame(checkTitle, checkIntro, checkUrl, [new Crumb("首页", ""), new Crumb(checkTitle, null)], "website");
        var checkIndex = await razor.RenderAsync<SelfCheckIndexPageView>("Model", new SelfCheckIndexView(checkIndexFrame, checkIntro, SelfCheckSummaries()));
        result.Add(new OutputFile(checkUrl + "index.html", Encoding.UTF8.GetBytes(checkIndex)));

        var searchFrame = Frame("搜索", "搜索本站的法条、自查项、指引和文章。", "search/", [new Crumb("首页", ""), new Crumb("搜索", null)], "website") with { Scripts = ["js/search.js"] };
        var searchPage = await razor.RenderAsync<SearchPageView>("Model", new SearchView(searchFrame, Search.SearchDocument.Types));
        result.Add(new OutputFile("search/index.html", Encoding.UTF8.GetBytes(searchPage)));
        result.Add(new OutputFile("search/opensearch.xml", OpenSearch()));

        var notFoundFrame = Frame("找不到页面", "", "404.html", [], "website") with { AbsoluteBase = Config.BasePath };
        var notFound = await razor.RenderAsync<NotFoundPageView>("Model", new NotFoundView(notFoundFrame));
        result.Add(new OutputFile("404.html", Encoding.UTF8.GetBytes(notFound)));

        if (!site.Content.Pages.Any(p => p.Kind == PageKind.Home))
        {
            var frame = Frame(Config.Title, Config.Description, "", [], "website");
            var html = await razor.RenderAsync<HomePageView>("Model", new HomeView(frame, "", HomeSections(), ""));
            result.Add(new OutputFile("index.html", Encoding.UTF8.GetBytes(html)));
        }
        return result;
    }

    private HomeView HomeView(ContentPage page, PageResolution resolution)
    {
        var frame = Frame(Config.Title, page.Meta.Summary.Length > 0 ? page.Meta.Summary : Config.Description, "", [], "website");
        return new HomeView(frame, Markdown(frame).Render(page.Document), HomeSections(), Previews(resolution.PreviewKeys));
    }

    /// <summary>Lets browsers offer "search this site" from the address bar.</summary>
    private byte[] OpenSearch()
    {
        var template = System.Security.SecurityElement.Escape(Canonical("search/") + "?q={searchTerms}");
        var title = System.Security.SecurityElement.Escape(Config.Title);
        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
              <ShortName>{title}</ShortName>
              <Description>搜索{title}的法条、自查项、指引和文章</Description>
              <InputEncoding>UTF-8</InputEncoding>
              <Language>zh-CN</Language>
              <Url type="text/html" method="get" template="{template}"/>
            </OpenSearchDescription>

            """);
    }

    private List<SelfCheckSummary> SelfCheckSummaries() =>
        site.Questionnaires.Values.OrderBy(q => q.Page.RelativePath, StringComparer.Ordinal)
            .Select(q => new SelfCheckSummary(q.Page.Meta.Title, q.Page.Url, q.Premises, q.Audience, q.Minutes, q.Questions.Count(), q.Page.Meta.Summary))
            .ToList();

    private List<HomeSection> HomeSections()
    {
        var sections = new List<HomeSection>();
        var checks = SelfCheckSummaries().Select(c => new ListEntry(c.Title, c.Url, $"{c.QuestionCount} 题，约 {c.Minutes} 分钟。{c.Summary}", null, [])).ToList();
        if (checks.Count > 0) sections.Add(new HomeSection("消防自查", "selfchecks/", "全部自查问卷", checks));
        var laws = site.Laws.Laws.OrderBy(l => l.Page.RelativePath, StringComparer.Ordinal)
            .Select(l => new ListEntry(l.Title, l.Url, l.Summary, null, [])).ToList();
        if (laws.Count > 0) sections.Add(new HomeSection("法律法规", "laws/", "全部法律法规", laws));
        var guides = Entries(PageKind.Guide);
        if (guides.Count > 0) sections.Add(new HomeSection("办事指引", "guides/", "全部办事指引", guides.Take(6).ToList()));
        var articles = Entries(PageKind.Article);
        if (articles.Count > 0) sections.Add(new HomeSection("普法文章", "articles/", "全部普法文章", articles.Take(6).ToList()));
        return sections;
    }

    /// <summary>Newest first; undated pages after dated ones, by title, so the order never depends on the file system.</summary>
    private List<ListEntry> Entries(PageKind kind) =>
        site.Content.Pages.Where(p => p.Kind == kind)
            .OrderByDescending(p => p.Meta.Date ?? DateOnly.MinValue)
            .ThenBy(p => p.Meta.Title, StringComparer.Ordinal)
            .ThenBy(p => p.RelativePath, StringComparer.Ordinal)
            .Select(p => new ListEntry(p.Meta.Title, p.Url, p.Meta.Summary, p.Meta.Date, p.Meta.Tags))
            .ToList();

    private LawView LawView(ContentPage page, Law law, PageResolution resolution)
    {
        var frame = Frame(law.Title, law.Summary, page.Url, Breadcrumbs(page), "article");
        var markdown = Markdown(frame);
        var chapters = law.Chapters.Select(chapter => new LawChapterView(chapter.Title, chapter.Anchor, ChapterRange(chapter),
            chapter.Articles.Select(article => new LawArticleView(
                article.Number,
                article.Heading,
                article.Anchor,
                article.Paragraphs.Select(p => new LawParagraphView(p.Anchor, markdown.RenderInlines(p.Block),
                    p.Items.Select(i => new LawItemView(i.Anchor, markdown.RenderInlines(i.Block))).ToList())).ToList(),
                markdown.RenderBlocks(article.Notes),
                site.Backlinks.GetValueOrDefault((law.Slug, article.Number), [])
                    .Select(b => new BacklinkView(b.Title, b.Url)).ToList())).ToList())).ToList();
        return new LawView(frame, LawSummary(law), law.History, law.VersionDate, law.Source,
            markdown.RenderBlocks(law.Intro), chapters, Previews(resolution.PreviewKeys));
    }

    private static string ChapterRange(LawChapter chapter) => chapter.Articles.Count switch
    {
        0 => "",
        1 => chapter.Articles[0].Heading,
        _ => $"{chapter.Articles[0].Heading}至{chapter.Articles[^1].Heading}",
    };

    private static LawSummary LawSummary(Law law) => new(law.Title, law.Url, law.Issuer, law.DocumentNumber, law.Version,
        law.Effective, law.ArticleCount, law.DigestedCount, law.Summary);

    /// <summary>The article texts this page's citations point to, for the preview popover.</summary>
    private string Previews(IReadOnlySet<string> keys)
    {
        if (keys.Count == 0) return "";
        var data = new SortedDictionary<string, ArticlePreview>(StringComparer.Ordinal);
        foreach (var key in keys) data[key] = site.Laws.Preview(key);
        return JsonSerializer.Serialize(data, PreviewJson);
    }

    // A canonical link must be absolute; without the operator's base_url there is none to give.
    private PageFrame Frame(string title, string description, string url, IReadOnlyList<Crumb> crumbs, string ogType) =>
        new(SiteInfo, title, description, url, Config.BaseUrl.Length > 0 ? Canonical(url) : "", crumbs, ogType, options.LiveReload, options.IndexFileLinks,
            theme.Version, [], SearchBase: searchFolder);

    public string Canonical(string url) => (Config.BaseUrl.Length > 0 ? Config.BaseUrl : "") + Config.BasePath + url;

    private MarkdownHtml Markdown(PageFrame frame) =>
        new(MarkdownPipelines.For(Config.AllowRawHtml), frame.Link);

    private static List<Crumb> Breadcrumbs(ContentPage page)
    {
        var crumbs = new List<Crumb> { new("首页", "") };
        if (Sections.TryGetValue(page.Kind, out var section)) crumbs.Add(new Crumb(section.Title, section.Url));
        crumbs.Add(new Crumb(page.Meta.Title, null));
        return crumbs;
    }

    private static string KindLabel(PageKind kind) => kind switch
    {
        PageKind.Guide => "办事指引",
        PageKind.Article => "普法文章",
        _ => "",
    };

    /// <summary>Long pages get an on-page table of contents; authors can force it with toc: true/false.</summary>
    private static List<TocEntry> Toc(ContentPage page)
    {
        var headings = page.Document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3)
            .Select(h => new TocEntry(h.Level, PlainText.Of(h.Inline).Trim(), h.GetAttributes().Id ?? HeadingIdAssigner.Slugify(PlainText.Of(h.Inline))))
            .ToList();
        var show = page.Meta.Toc ?? headings.Count(h => h.Level == 2) >= 3;
        return show ? headings : [];
    }
}
