using System.Collections.Concurrent;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Links;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.Callouts;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Generator.Load;

namespace PublicEdu.Generator.Resolve;

/// <summary>
/// Stage 2, Resolve: builds the law registry, then, per page and in parallel, resolves links and
/// citations and checks blocks; finally gathers backlinks from every page.
/// </summary>
public static partial class SiteResolver
{
    /// <param name="previous">
    /// The last build's result, in serve mode. A page loaded anew is resolved anew; a page object
    /// that the loader kept is still resolved, and its resolution is reused as it stands.
    /// </param>
    public static ResolvedSite Resolve(LoadedContent content, DiagnosticBag diagnostics, ResolvedSite? previous = null)
    {
        var lawPages = content.Pages.Where(p => p.Kind == PageKind.Law).ToList();
        var parsed = new Law?[lawPages.Count];
        var lawDiagnostics = new IReadOnlyList<Diagnostic>[lawPages.Count];
        Parallel.For(0, lawPages.Count, i =>
        {
            if (previous?.Pages.GetValueOrDefault(lawPages[i]) is { } kept)
            {
                parsed[i] = kept.Law;
                lawDiagnostics[i] = [];
                return;
            }
            var local = new DiagnosticBag();
            parsed[i] = LawParser.Parse(lawPages[i], local);
            lawDiagnostics[i] = local.Sorted();
        });
        var laws = parsed.OfType<Law>().ToList();
        var registry = new LawRegistry(laws, diagnostics);
        var lawByPage = laws.ToDictionary(l => l.Page);
        var lawDiagnosticsByPage = lawPages.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => lawDiagnostics[x.i]);

        var catalogue = ResolveCatalogue(content, registry, diagnostics);
        var urlBySource = content.Pages.ToDictionary(p => p.RelativePath, p => p.Url, StringComparer.Ordinal);
        var pages = new ConcurrentDictionary<ContentPage, PageResolution>();
        Parallel.ForEach(content.Pages, page =>
        {
            var resolution = previous?.Pages.GetValueOrDefault(page)
                ?? ResolvePage(page, content, registry, catalogue, lawByPage.GetValueOrDefault(page), urlBySource, lawDiagnosticsByPage.GetValueOrDefault(page, []));
            foreach (var diagnostic in resolution.Diagnostics) diagnostics.Add(diagnostic);
            pages[page] = resolution;
        });

        var grouped = previous is null ? GroupBacklinks(pages.Values.SelectMany(r => r.Backlinks)) : UpdateBacklinks(previous, pages);
        var questionnaires = pages.Where(p => p.Value.Questionnaire is not null).ToDictionary(p => p.Key, p => p.Value.Questionnaire!);
        if (questionnaires.Count > 0) CheckReportingChannels(content.Site, diagnostics);
        return new ResolvedSite(content, registry, pages, grouped, questionnaires, catalogue);
    }

    /// <summary>
    /// The hazard catalogue: every file's citations resolved against the law registry, its entries
    /// read, then the whole checked against the penalty table and exemptions.yml. It is small and
    /// every questionnaire depends on it, so it is always read anew.
    /// </summary>
    private static HazardCatalogue ResolveCatalogue(LoadedContent content, LawRegistry registry, DiagnosticBag diagnostics)
    {
        var entries = content.Catalogue.Select(page =>
        {
            new CitationResolver(registry, diagnostics).Resolve(page, null);
            return HazardCatalogueParser.Parse(page, diagnostics);
        }).ToList();
        if (content.Rules is { } rules && (registry.Find(rules.MajorLaw)?.Article(rules.MajorArticle)) is null)
            diagnostics.Error(rules.SourcePath, 1, 1, DiagnosticCodes.RulesInvalid,
                $"major_hazard 写的《{rules.MajorLaw}》第 {rules.MajorArticle} 条本站没有收录。请写一条 content/laws/ 里有的条文（law 写法律名称，article 写阿拉伯数字条号）。");
        return HazardCatalogueValidator.Validate(entries, content.Rules, diagnostics);
    }

    /// <summary>The self-check's next step is to report to the agency; the operator should say where.</summary>
    private static void CheckReportingChannels(SiteConfig site, DiagnosticBag diagnostics)
    {
        if (site.ReportingChannels.Count > 0 || site.Organisation.Contact.Length > 0) return;
        diagnostics.Warning(site.SourcePath, site.ReportingChannelsLine, 1, DiagnosticCodes.ReportingChannelMissing,
            "site.yml 没有填写主动申报渠道（reporting_channels），也没有运营单位的联系方式（organisation.contact）。自查结果会告诉用户准备哪些材料、向谁咨询，但无法给出具体的申报渠道。请运营方按当地消防救援机构正式公布的信息填写，不要凭记忆或转载填写。");
    }

    private static Dictionary<(string LawSlug, int Article), IReadOnlyList<Backlink>> GroupBacklinks(IEnumerable<Backlink> backlinks) =>
        backlinks.GroupBy(b => (b.LawSlug, b.Article)).ToDictionary(g => g.Key, g => Ordered(g));

    // A URL names a place on its own page, so duplicates only ever come from one page.
    private static IReadOnlyList<Backlink> Ordered(IEnumerable<Backlink> backlinks) =>
        backlinks.OrderBy(b => b.SourceOrder, StringComparer.Ordinal).DistinctBy(b => b.Url).ToList();

    /// <summary>
    /// The last build's backlinks with those of the pages resolved anew swapped in. Only the
    /// articles those pages cite, or cited before, are touched; their lists stay in source order,
    /// so the new entries are merged in rather than the whole list sorted again.
    /// </summary>
    private static Dictionary<(string LawSlug, int Article), IReadOnlyList<Backlink>> UpdateBacklinks(
        ResolvedSite previous, IReadOnlyDictionary<ContentPage, PageResolution> pages)
    {
        var fresh = pages.Where(p => !ReferenceEquals(previous.Pages.GetValueOrDefault(p.Key), p.Value)).ToList();
        var freshSources = fresh.Select(p => Backlink.SourcePrefix(p.Key)).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var freshPaths = fresh.Select(p => p.Key.RelativePath).ToHashSet(StringComparer.Ordinal);
        var before = previous.Pages.Where(p => freshPaths.Contains(p.Key.RelativePath)).SelectMany(p => p.Value.Backlinks);
        var added = fresh.SelectMany(p => p.Value.Backlinks).ToList();
        var addedByArticle = added.ToLookup(b => (b.LawSlug, b.Article));
        var grouped = new Dictionary<(string LawSlug, int Article), IReadOnlyList<Backlink>>(previous.Backlinks);
        foreach (var key in before.Concat(added).Select(b => (b.LawSlug, b.Article)).Distinct().ToList())
        {
            var kept = grouped.GetValueOrDefault(key, []).Where(b => !freshSources.Contains(b.SourceOrder.AsSpan(0, b.SourceOrder.IndexOf('\u0001') + 1)));
            var list = Merge(kept, Ordered(addedByArticle[key]));
            if (list.Count > 0) grouped[key] = list;
            else grouped.Remove(key);
        }
        return grouped;
    }

    private static List<Backlink> Merge(IEnumerable<Backlink> ordered, IReadOnlyList<Backlink> insert)
    {
        var result = new List<Backlink>();
        var next = 0;
        foreach (var backlink in ordered)
        {
            while (next < insert.Count && string.CompareOrdinal(insert[next].SourceOrder, backlink.SourceOrder) < 0) result.Add(insert[next++]);
            result.Add(backlink);
        }
        while (next < insert.Count) result.Add(insert[next++]);
        return result;
    }

    /// <summary>Everything about one page that depends only on it, the law registry and the site's URLs.</summary>
    private static PageResolution ResolvePage(ContentPage page, LoadedContent content, LawRegistry registry, HazardCatalogue catalogue, Law? ownLaw,
        IReadOnlyDictionary<string, string> urlBySource, IReadOnlyList<Diagnostic> earlier)
    {
        var site = content.Site;
        var local = new DiagnosticBag();
        foreach (var diagnostic in earlier) local.Add(diagnostic);
        CheckBlocks(page, local);
        CheckRawHtml(page, site.AllowRawHtml, local);
        var links = LinkResolver.Resolve(page, urlBySource, local);
        var cited = new CitationResolver(registry, local).Resolve(page, ownLaw);
        Questionnaire? questionnaire = null;
        if (page.Kind == PageKind.SelfCheck && QuestionnaireParser.Parse(page, local) is { } parsedQuestionnaire)
        {
            questionnaire = QuestionnaireValidator.Validate(parsedQuestionnaire, catalogue, content.Rules, local);
            cited = WithHazardCitations(cited, page, questionnaire);
        }
        return new PageResolution(links, cited.PreviewKeys, ownLaw, cited.CitedLaws, cited.Backlinks, questionnaire, local.Sorted());
    }

    /// <summary>
    /// A questionnaire cites the law through its catalogue hazards: each article a hazard breaches
    /// or is punished under is previewed on the page and lists the question among its backlinks.
    /// </summary>
    private static CitationResolver.PageCitations WithHazardCitations(CitationResolver.PageCitations cited, ContentPage page, Questionnaire questionnaire)
    {
        var keys = new SortedSet<string>(cited.PreviewKeys, StringComparer.Ordinal);
        var laws = new SortedSet<string>(cited.CitedLaws, StringComparer.Ordinal);
        var backlinks = cited.Backlinks.ToList();
        foreach (var question in questionnaire.Questions)
        {
            var text = PlainText.Of(question.Text.Inline).Trim();
            var title = $"{page.Meta.Title} · {Backlink.QuestionTitle(text)}";
            var articles = question.Options.Select(o => o.Hazard?.Definition).OfType<CatalogueHazard>()
                .SelectMany(h => h.Breaks.Concat(h.Penalties)).SelectMany(c => c.Parts).Select(p => p.PreviewKey).OfType<string>().Distinct();
            foreach (var key in articles)
            {
                keys.Add(key);
                var slash = key.LastIndexOf('/');
                laws.Add(key[..slash]);
                backlinks.Add(new Backlink(key[..slash], int.Parse(key[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture), title,
                    $"{page.Url}#{question.Anchor}", Backlink.SourceOrderOf(page, question.Line)));
            }
        }
        return new CitationResolver.PageCitations(keys, laws, backlinks);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<(?:[a-zA-Z][a-zA-Z0-9-]*(?:\\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9-]*\\s*|!--.*)>")]
    private static partial System.Text.RegularExpressions.Regex HtmlTag();

    private static void CheckRawHtml(ContentPage page, bool allowed, DiagnosticBag diagnostics)
    {
        if (allowed) return;
        // With raw HTML off, Markdig keeps tags as text; tell the author once per page why they show.
        // Code spans and blocks are excluded: showing tags there is the point.
        var block = page.Document.Descendants<LeafBlock>()
            .FirstOrDefault(b => b.Inline is { } inline && HtmlTag().IsMatch(string.Concat(
                inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()))));
        if (block is not null)
            diagnostics.Warning(page.DisplayPath, block.Line + 1, block.Column + 1, DiagnosticCodes.RawHtmlDisabled,
                "正文里的 HTML 标签不会生效，会按原样显示为文字（本站默认关闭 HTML，以防页面被插入脚本）。请改用 Markdown 写法；确需 HTML 时由管理员在 site.yml 中设置 allow_raw_html: true。");
    }

    private static void CheckBlocks(ContentPage page, DiagnosticBag diagnostics)
    {
        foreach (var container in page.Document.Descendants<CustomContainer>())
        {
            var isQuestion = container.Info == "question" && page.Kind == PageKind.SelfCheck;
            if (CalloutKind.Find(container.Info) is null && !isQuestion)
                diagnostics.Error(page.DisplayPath, container.Line + 1, container.Column + 1, DiagnosticCodes.UnknownBlock,
                    $"不认识的块类型“::: {container.Info}”。可用的有：{string.Join("、", CalloutKind.All.Select(k => k.Name))}。");
            if (container.ClosingFencedCharCount == 0)
                diagnostics.Error(page.DisplayPath, container.Line + 1, container.Column + 1, DiagnosticCodes.UnclosedBlock,
                    $"“::: {container.Info}”块没有结束。请在块的最后一行之后单独写一行 :::。");
        }
        foreach (var paragraph in page.Document.Descendants<ParagraphBlock>())
        {
            if (Markdown.PlainText.Of(paragraph.Inline).TrimStart().StartsWith("：：：", StringComparison.Ordinal))
                diagnostics.Error(page.DisplayPath, paragraph.Line + 1, paragraph.Column + 1, DiagnosticCodes.UnknownBlock,
                    "块的开头和结尾要用三个半角冒号 :::，这里写成了全角的“：：：”。请切换到英文输入法重新输入。");
        }
        if (!page.Document.Descendants<ParagraphBlock>().Any() && page.Kind is not PageKind.Law and not PageKind.Home and not PageKind.SelfCheck)
            diagnostics.Warning(page.DisplayPath, 1, 1, DiagnosticCodes.EmptyPage,
                "这个页面没有正文。请在 front matter 之后写正文内容。");
    }
}
