using System.Collections.Concurrent;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Links;
using PublicEdu.Generator.Markdown.Callouts;

namespace PublicEdu.Generator.Build;

/// <summary>
/// Stage 2, Resolve: builds the law registry, then, per page and in parallel, resolves links and
/// citations and checks blocks; finally gathers backlinks from every page.
/// </summary>
public static partial class SiteResolver
{
    public static ResolvedSite Resolve(LoadedContent content, DiagnosticBag diagnostics)
    {
        var lawPages = content.Pages.Where(p => p.Kind == PageKind.Law).ToList();
        var parsed = new Law?[lawPages.Count];
        Parallel.For(0, lawPages.Count, i => parsed[i] = LawParser.Parse(lawPages[i], diagnostics));
        var laws = parsed.OfType<Law>().ToList();
        var registry = new LawRegistry(laws, diagnostics);
        var lawByPage = laws.ToDictionary(l => l.Page);

        var urlBySource = content.Pages.ToDictionary(p => p.RelativePath, p => p.Url, StringComparer.Ordinal);
        var citations = new CitationResolver(registry, diagnostics);
        var pages = new ConcurrentDictionary<ContentPage, PageResolution>();
        var backlinks = new ConcurrentBag<Backlink>();
        Parallel.ForEach(content.Pages, page =>
        {
            CheckBlocks(page, diagnostics);
            CheckRawHtml(page, content.Site.AllowRawHtml, diagnostics);
            var links = LinkResolver.Resolve(page, urlBySource, diagnostics);
            var ownLaw = lawByPage.GetValueOrDefault(page);
            var cited = citations.Resolve(page, ownLaw);
            foreach (var b in cited.Backlinks) backlinks.Add(b);
            pages[page] = new PageResolution(links, cited.PreviewKeys, ownLaw);
        });

        var questionnaires = new ConcurrentDictionary<ContentPage, SelfChecks.Questionnaire>();
        Parallel.ForEach(content.Pages.Where(p => p.Kind == PageKind.SelfCheck), page =>
        {
            if (SelfChecks.QuestionnaireParser.Parse(page, diagnostics) is { } parsedQuestionnaire)
                questionnaires[page] = SelfChecks.QuestionnaireValidator.Validate(parsedQuestionnaire, diagnostics);
        });

        var grouped = backlinks
            .GroupBy(b => (b.LawSlug, b.Article))
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<Backlink>)g.OrderBy(b => b.SourceOrder, StringComparer.Ordinal)
                    .DistinctBy(b => b.Url).ToList());
        return new ResolvedSite(content, registry, pages, grouped, questionnaires);
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
