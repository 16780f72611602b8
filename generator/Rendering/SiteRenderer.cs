using Markdig.Renderers.Html;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.HeadingIds;
using PublicEdu.Theme.Models;
using PublicEdu.Theme.Pages;
using PublicEdu.Generator.Output;
using PublicEdu.Generator.Resolve;
using PublicEdu.Generator.Load;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Stage 3, Render: turns each resolved page into a view model and renders it through its theme
/// component; adds the section lists, home page, law index, 404 page and the theme's assets.
/// </summary>
public sealed class SiteRenderer(ResolvedSite site, ThemeAssets theme, RenderOptions options)
{
    private static readonly JsonSerializerOptions PreviewJson = new()
    {
        // Keeps Chinese readable while still escaping < > & so the JSON cannot close its script element.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private SiteConfig Config => site.Content.Site;

    private SiteInfo SiteInfo => _siteInfo ??= new(Config.Title, Config.Tagline, Config.Description,
        new Organisation(Config.Organisation.Name, Config.Organisation.Contact, Config.Organisation.Address), Config.Icp,
        Config.Navigation.Select(n => new NavItem(n.Title, n.Url)).ToList(),
        Config.ReportingChannels.Select(c => new ReportingChannel(c.Name, c.Phone, c.Address, c.Url, c.Note)).ToList(),
        site.Content.Pages.Any(p => p.Url == "privacy/") ? "privacy/" : null);

    private SiteInfo? _siteInfo;

    private readonly SelfCheckViewBuilder _selfChecks =
        new(site.Laws, site.Content.Site, site.Content.Rules, site.Content.Pages.Select(p => p.Url).ToHashSet(StringComparer.Ordinal));

    private static readonly Dictionary<PageKind, (string Title, string Url, string Intro)> Sections = new()
    {
        [PageKind.Guide] = ("办事指引", "guides/", "自查、整改、主动申报和免罚，一步一步讲清楚。"),
        [PageKind.Article] = ("普法文章", "articles/", "消防安全知识、典型案例和本地动态。"),
        [PageKind.Law] = ("法律法规", "laws/", "逐条收录的法律法规原文，配有通俗解读。"),
        [PageKind.SelfCheck] = ("消防自查", "selfchecks/", "按场所类型逐项自查火灾隐患：查出问题、看清依据、知道怎么改，以及主动整改、主动申报可能带来的从宽处理。答案只保存在您自己的浏览器里。"),
    };

    /// <summary>The number of files rendered by the last <see cref="RenderAsync"/>; the rest were reused.</summary>
    public int RenderedCount => _rendered;

    private int _rendered;

    /// <summary>
    /// What every ordinary page's inputs share besides its own source and resolution: the site's
    /// settings and addresses and the laws' texts. While it is unchanged, a page object kept from
    /// the last build (same source, same resolution) has the inputs it had then, and on a large
    /// site not hashing them again is most of the time a rebuild takes.
    /// </summary>
    public UInt128 Stamp => _stamp ??= new RenderInputs().Add(SiteInputs).Add(AllLaws).Hash;

    private UInt128? _stamp;

    /// <param name="previous">
    /// The last build's files by path, in serve mode. A file whose inputs hash is unchanged is
    /// taken from there instead of being rendered again.
    /// </param>
    /// <param name="previousStamp">The last build's <see cref="Stamp"/>.</param>
    public async Task<IReadOnlyList<OutputFile>> RenderAsync(IReadOnlyDictionary<string, OutputFile>? previous = null, UInt128 previousStamp = default)
    {
        await using var razor = new RazorRenderer();
        var contentPages = site.Content.Pages;
        var sameStamp = previous is not null && previousStamp == Stamp;
        var pageInputs = new UInt128[contentPages.Count];
        var unchanged = new bool[contentPages.Count];
        Parallel.For(0, contentPages.Count, i =>
        {
            var page = contentPages[i];
            var kept = sameStamp ? previous!.GetValueOrDefault(page.Url + "index.html") : null;
            unchanged[i] = kept is not null && ReferenceEquals(kept.Source, page);
            // Law pages show backlinks and the home page lists other pages: other files change them.
            pageInputs[i] = unchanged[i] && page.Kind is not (PageKind.Law or PageKind.Home) ? kept!.Inputs : PageInputs(page);
        });
        var unchangedKinds = contentPages.Select((p, i) => (p.Kind, Unchanged: unchanged[i])).GroupBy(p => p.Kind)
            .Where(g => g.All(p => p.Unchanged)).Select(g => g.Key).ToHashSet();
        var jobs = contentPages.Select((page, i) => new RenderJob(page.Url + "index.html", page, pageInputs[i], () => RenderPageAsync(razor, page)))
            .Concat(contentPages.Select((page, i) => HazardsJob(page, pageInputs[i])).OfType<RenderJob>())
            .Concat(GeneratedPages(razor, kind => unchangedKinds.Contains(kind) ? previous?.GetValueOrDefault(Sections[kind].Url + "index.html")?.Inputs : null))
            .ToList();

        var files = new ConcurrentBag<OutputFile>();
        var toRender = new List<RenderJob>();
        foreach (var job in jobs)
        {
            if (previous?.GetValueOrDefault(job.Path) is { } kept && kept.Inputs == job.Inputs) files.Add(kept with { Source = job.Source });
            else toRender.Add(job);
        }
        // Pages, as a visitor counts them; a self-check's hazards document goes with its page.
        _rendered = toRender.Count(job => job.Path.EndsWith(".html", StringComparison.Ordinal));
        await Parallel.ForEachAsync(toRender, async (job, _) =>
        {
            var html = await job.Render();
            var minify = options.MinifyHtml && job.Path.EndsWith(".html", StringComparison.Ordinal);
            files.Add(new OutputFile(job.Path, Encoding.UTF8.GetBytes(minify ? HtmlMinifier.Minify(html) : html), job.Source, job.Inputs));
        });
        foreach (var (path, content) in theme.Files) files.Add(new OutputFile(path, content));
        foreach (var file in site.Content.Files)
        {
            var inputs = new RenderInputs().Add(file.FullPath).Add(file.Stamp.Length).Add(file.Stamp.LastWriteTicks).Hash;
            files.Add(previous?.GetValueOrDefault(file.RelativePath) is { } kept && kept.Inputs == inputs
                ? kept
                : new OutputFile(file.RelativePath, await File.ReadAllBytesAsync(file.FullPath), Inputs: inputs));
        }
        files.Add(new OutputFile("search/opensearch.xml", OpenSearch()));
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private sealed record RenderJob(string Path, ContentPage? Source, UInt128 Inputs, Func<Task<string>> Render);

    /// <summary>
    /// What every page shows besides its own content: site settings, theme version, render options
    /// and the site's addresses (navigation, the privacy link and self-check links are drawn from them).
    /// </summary>
    private UInt128 SiteInputs => _siteInputs ??= new RenderInputs()
        .AddJson(Config).Add(Config.SourcePath).Add(theme.Version).AddJson(options)
        .Add(string.Join("\n", site.Content.Pages.Select(p => p.RelativePath + " " + p.Url)))
        .Add(string.Join("\n", site.Content.Files.Select(f => f.RelativePath)))
        .Hash;

    private UInt128? _siteInputs;

    /// <summary>A page's inputs: its source, the laws its links point into, the article texts it previews, and what its kind adds.</summary>
    private UInt128 PageInputs(ContentPage page)
    {
        var resolution = site.Pages[page];
        var inputs = new RenderInputs().Add(SiteInputs).Add(page.SourceHash);
        foreach (var slug in resolution.CitedLaws) inputs.Add(LawShape(slug));
        foreach (var key in resolution.PreviewKeys) inputs.Add(key).Add(PreviewHash(key));
        if (resolution.Law is { } law)
        {
            foreach (var article in law.Articles)
            {
                inputs.Add(MoreBacklinks(law, article));
                foreach (var backlink in ShownBacklinks(law, article)) inputs.Add(backlink.Title).Add(backlink.Url);
            }
        }
        // A self-check result quotes breached and penalty articles from any law.
        if (page.Kind == PageKind.SelfCheck) inputs.Add(AllLaws).Add(site.Content.CatalogueHash);
        if (page.Kind == PageKind.Home) inputs.AddJson(HomeSections());
        return inputs.Hash;
    }

    /// <summary>What a citation's link depends on in the law it names (<see cref="Law.CitationShape"/>).</summary>
    private UInt128 LawShape(string slug) => _lawShapes.GetOrAdd(slug, s =>
        RenderInputs.Of(site.Laws.Laws.FirstOrDefault(l => l.Slug == s)?.CitationShape ?? s));

    private readonly ConcurrentDictionary<string, UInt128> _lawShapes = new(StringComparer.Ordinal);

    private UInt128 PreviewHash(string key) => _previewHashes.GetOrAdd(key, k => new RenderInputs().AddJson(site.Laws.Preview(k)).Hash);

    private readonly ConcurrentDictionary<string, UInt128> _previewHashes = new(StringComparer.Ordinal);

    private UInt128 AllLaws => _allLaws ??= site.Laws.Laws.Aggregate(new RenderInputs(), (h, l) => h.Add(l.Page.SourceHash)).Hash;

    private UInt128? _allLaws;

    /// <param name="keptListInputs">
    /// For a section whose pages all were kept from the last build (with the same <see cref="Stamp"/>),
    /// its list page's inputs then; the entries need not be sorted and hashed again.
    /// </param>
    private IEnumerable<RenderJob> GeneratedPages(RazorRenderer razor, Func<PageKind, UInt128?> keptListInputs)
    {
        UInt128 Inputs<T>(T data) => new RenderInputs().Add(SiteInputs).AddJson(data).Hash;

        foreach (var kind in new[] { PageKind.Guide, PageKind.Article })
        {
            var (title, url, intro) = Sections[kind];
            var inputs = keptListInputs(kind) ?? AddEntries(new RenderInputs().Add(SiteInputs), Entries(kind)).Hash;
            yield return new RenderJob(url + "index.html", null, inputs, () =>
            {
                var frame = Frame(title, intro, url, [new Crumb("首页", ""), new Crumb(title, null)], "website");
                return razor.RenderAsync<ListPageView>("Model", new ListView(frame, title, intro, Entries(kind)));
            });
        }

        var (lawTitle, lawUrl, lawIntro) = Sections[PageKind.Law];
        var lawSummaries = site.Laws.Laws.OrderBy(l => l.Page.RelativePath, StringComparer.Ordinal).Select(LawSummary).ToList();
        yield return new RenderJob(lawUrl + "index.html", null, Inputs(lawSummaries), () =>
        {
            var frame = Frame(lawTitle, lawIntro, lawUrl, [new Crumb("首页", ""), new Crumb(lawTitle, null)], "website");
            return razor.RenderAsync<LawIndexPageView>("Model", new LawIndexView(frame, lawIntro, lawSummaries));
        });

        var (checkTitle, checkUrl, checkIntro) = Sections[PageKind.SelfCheck];
        var checks = SelfCheckSummaries();
        yield return new RenderJob(checkUrl + "index.html", null, Inputs(checks), () =>
        {
            var frame = Frame(checkTitle, checkIntro, checkUrl, [new Crumb("首页", ""), new Crumb(checkTitle, null)], "website");
            return razor.RenderAsync<SelfCheckIndexPageView>("Model", new SelfCheckIndexView(frame, checkIntro, checks));
        });

        yield return new RenderJob("search/index.html", null, Inputs("search"), () =>
        {
            var frame = Frame("搜索", "搜索本站的法条、自查项、指引和文章。", "search/", [new Crumb("首页", ""), new Crumb("搜索", null)], "website") with { Scripts = ["js/search.js"] };
            return razor.RenderAsync<SearchPageView>("Model", new SearchView(frame, Search.SearchDocument.Types));
        });

        foreach (var job in PublicityPages(razor, Inputs)) yield return job;

        yield return new RenderJob("404.html", null, Inputs("404"), () =>
        {
            var frame = Frame("找不到页面", "", "404.html", [], "website") with { AbsoluteBase = Config.BasePath };
            return razor.RenderAsync<NotFoundPageView>("Model", new NotFoundView(frame));
        });

        if (!site.Content.Pages.Any(p => p.Kind == PageKind.Home))
        {
            var sections = HomeSections();
            yield return new RenderJob("index.html", null, Inputs(sections), () =>
            {
                var frame = Frame(Config.Title, Config.Description, "", [], "website");
                return razor.RenderAsync<HomePageView>("Model", new HomeView(frame, "", sections, ""));
            });
        }
    }

    /// <summary>The publicity kit (PosterViewBuilder): only with base_url, as a QR code needs an absolute address.</summary>
    private IEnumerable<RenderJob> PublicityPages(RazorRenderer razor, Func<object, UInt128> inputs)
    {
        if (Config.BaseUrl.Length == 0) yield break;
        var posters = new PosterViewBuilder(site, Canonical);
        var subjects = posters.Subjects();
        const string title = "宣传海报和传单";
        const string intro = "每份自查表和每篇办事指引都有一张 A4 海报和一张 A5 传单，带本站页面的二维码，可以直接用浏览器打印，用于进企业、进农村、进社区、进学校、进家庭的消防宣传。";
        var items = subjects.Select(PosterViewBuilder.Item).ToList();
        yield return new RenderJob(PosterViewBuilder.IndexUrl + "index.html", null, inputs(items), () =>
            razor.RenderAsync<PublicityIndexPageView>("Model", new PublicityIndexView(
                Frame(title, intro, PosterViewBuilder.IndexUrl, [new Crumb("首页", ""), new Crumb(title, null)], "website"), intro, items)));
        foreach (var subject in subjects)
        foreach (var (format, url) in new[] { ("poster", subject.PosterUrl), ("leaflet", subject.LeafletUrl) })
        {
            var shown = new { url, format, subject.Page.Meta.Title, subject.Kind, subject.Lead, subject.Points, subject.Action };
            yield return new RenderJob(url + "index.html", null, inputs(shown), () =>
            {
                var frame = Frame(subject.Page.Meta.Title, subject.Lead, url,
                    [new Crumb("首页", ""), new Crumb(title, PosterViewBuilder.IndexUrl), new Crumb(subject.Page.Meta.Title, null)], "website");
                return razor.RenderAsync<PosterPageView>("Model", posters.Poster(subject, frame, format, Config.Organisation.Name));
            });
        }
    }

    private PageFrame SelfCheckFrame(ContentPage page) =>
        Frame(page.Meta.Title, page.Meta.Summary, page.Url, Breadcrumbs(page), "website") with { Scripts = ["js/selfcheck.js"] };

    /// <summary>
    /// A self-check's hazards document beside its page (SelfCheckViewBuilder.HazardsFile). It is
    /// made from the page's own inputs, so it is rebuilt exactly when the page is. Pages built for
    /// file:// hold it inline instead.
    /// </summary>
    private RenderJob? HazardsJob(ContentPage page, UInt128 inputs) =>
        !options.IndexFileLinks && page.Kind == PageKind.SelfCheck && site.Questionnaires.TryGetValue(page, out var questionnaire)
            ? new RenderJob(page.Url + SelfCheckViewBuilder.HazardsFile, page, inputs, () => Task.FromResult(_selfChecks.HazardsJson(questionnaire, SelfCheckFrame(page))))
            : null;

    private Task<string> RenderPageAsync(RazorRenderer razor, ContentPage page)
    {
        var resolution = site.Pages[page];
        if (page.Kind == PageKind.Law && resolution.Law is { } law)
            return razor.RenderAsync<LawPageView>("Model", LawView(page, law, resolution));
        if (page.Kind == PageKind.Home)
            return razor.RenderAsync<HomePageView>("Model", HomeView(page, resolution));
        if (page.Kind == PageKind.SelfCheck && site.Questionnaires.TryGetValue(page, out var questionnaire))
        {
            var checkFrame = SelfCheckFrame(page);
            return razor.RenderAsync<SelfCheckPageView>("Model", _selfChecks.Build(questionnaire, checkFrame, Markdown(checkFrame), Previews(resolution.PreviewKeys)));
        }

        var frame = Frame(page.Meta.Title, page.Meta.Summary, page.Url, Breadcrumbs(page), page.Kind == PageKind.Article ? "article" : "website");
        var markdown = Markdown(frame);
        var view = new ContentView(frame, KindLabel(page.Kind), markdown.Render(page.Document), Toc(page),
            page.Meta.Date, page.Meta.Updated, page.Meta.Tags, Previews(resolution.PreviewKeys));
        return razor.RenderAsync<ContentPageView>("Model", view);
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
            .Select(q => new SelfCheckSummary(q.Page.Meta.Title, q.Page.Url, q.Premises, q.Audience, q.Minutes, SelfCheckViewBuilder.CountOf(q), q.Page.Meta.Summary))
            .ToList();

    private List<HomeSection> HomeSections()
    {
        var sections = new List<HomeSection>();
        var checks = SelfCheckSummaries().Select(c => new ListEntry(c.Title, c.Url, $"{c.QuestionCount}，约 {c.Minutes} 分钟。{c.Summary}", null, [])).ToList();
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
    private List<ListEntry> Entries(PageKind kind) => _entries.GetOrAdd(kind, k =>
        site.Content.Pages.Where(p => p.Kind == k)
            .OrderByDescending(p => p.Meta.Date ?? DateOnly.MinValue)
            .ThenBy(p => p.Meta.Title, StringComparer.Ordinal)
            .ThenBy(p => p.RelativePath, StringComparer.Ordinal)
            .Select(p => new ListEntry(p.Meta.Title, p.Url, p.Meta.Summary, p.Meta.Date, p.Meta.Tags))
            .ToList());

    private readonly ConcurrentDictionary<PageKind, List<ListEntry>> _entries = new();

    /// <summary>A list page's inputs, hashed field by field: on a large site, JSON of thousands of entries is slow.</summary>
    private static RenderInputs AddEntries(RenderInputs inputs, IReadOnlyList<ListEntry> entries)
    {
        inputs.Add(entries.Count);
        foreach (var entry in entries)
        {
            inputs.Add(entry.Title).Add(entry.Url).Add(entry.Summary).Add(entry.Date?.DayNumber ?? -1).Add(entry.Tags.Count);
            foreach (var tag in entry.Tags) inputs.Add(tag);
        }
        return inputs;
    }

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
                ShownBacklinks(law, article).Select(b => new BacklinkView(b.Title, b.Url)).ToList(),
                MoreBacklinks(law, article),
                $"{law.CitationName}{article.Heading}")).ToList())).ToList();
        return new LawView(frame, LawSummary(law), law.History, law.VersionDate, law.Source,
            markdown.RenderBlocks(law.Intro), chapters, Previews(resolution.PreviewKeys));
    }

    /// <summary>
    /// On a large site thousands of pages cite the same article; listing them all made one law
    /// page over 20 MB. The list shows the first ones in <see cref="Backlink.SourcePrefix"/> order
    /// and links to a search for the rest.
    /// </summary>
    public const int BacklinkLimit = 12;

    private IEnumerable<Backlink> ShownBacklinks(Law law, LawArticle article) =>
        site.Backlinks.GetValueOrDefault((law.Slug, article.Number), []).Take(BacklinkLimit);

    private int MoreBacklinks(Law law, LawArticle article) =>
        Math.Max(0, site.Backlinks.GetValueOrDefault((law.Slug, article.Number), []).Count - BacklinkLimit);

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
            theme.Version, [], SearchBase: Search.SearchIndex.ManifestPath);

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

    /// <summary>A page's 二级 and 三级 headings with their ids: its table of contents, and a poster's key points.</summary>
    internal static List<TocEntry> Headings(ContentPage page) =>
        page.Document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3)
            .Select(h => new TocEntry(h.Level, PlainText.Of(h.Inline).Trim(), h.GetAttributes().Id ?? HeadingIdAssigner.Slugify(PlainText.Of(h.Inline))))
            .ToList();

    internal static string KindLabel(PageKind kind) => kind switch
    {
        PageKind.Guide => "办事指引",
        PageKind.Article => "普法文章",
        PageKind.SelfCheck => "消防安全自查",
        _ => "",
    };

    /// <summary>Long pages get an on-page table of contents; authors can force it with toc: true/false.</summary>
    private static List<TocEntry> Toc(ContentPage page)
    {
        var headings = Headings(page);
        var show = page.Meta.Toc ?? headings.Count(h => h.Level == 2) >= 3;
        return show ? headings : [];
    }
}
