using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.Laws;

/// <summary>
/// Resolve stage for citations: decides which law and article each citation means, checks that
/// it exists, sets the link target and preview key, and records backlinks.
/// </summary>
public sealed class CitationResolver(LawRegistry registry, DiagnosticBag diagnostics)
{
    /// <summary>The articles a page cites, as preview keys, the laws its citations named, and the backlinks it contributes.</summary>
    public sealed record PageCitations(IReadOnlySet<string> PreviewKeys, IReadOnlySet<string> CitedLaws, IReadOnlyList<Backlink> Backlinks);

    public PageCitations Resolve(ContentPage page, Law? ownLaw)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var laws = new SortedSet<string>(StringComparer.Ordinal);
        var backlinks = new List<Backlink>();
        var headingId = "";
        var headingTitle = "";
        HashSet<Block>? statute = null;
        foreach (var node in page.Document.Descendants().ToList())
        {
            if (node is HeadingBlock heading)
            {
                headingId = heading.GetAttributes().Id ?? "";
                headingTitle = PlainText.Of(heading.Inline).Trim();
                continue;
            }
            if (node is Markdig.Extensions.CustomContainers.CustomContainer { Info: "question" } question)
            {
                // Backlinks from a self-check item point at the question, titled by its text.
                var id = (question.Arguments ?? "").Trim().Split(' ')[0];
                headingId = "q-" + id;
                var text = question.OfType<ParagraphBlock>().FirstOrDefault() is { } p ? PlainText.Of(p.Inline).Trim() : id;
                headingTitle = Backlink.QuestionTitle(text);
                continue;
            }
            if (node is not CitationInline citation) continue;

            foreach (var bad in citation.BadNumerals)
                Error(page, citation, DiagnosticCodes.CitationBadNumeral,
                    $"条号“{bad}”不是有效的数字。请写成“第六十条”或“第60条”。");

            var inStatute = ownLaw is not null && IsStatutoryText(citation, statute ??= StatutoryBlocks(ownLaw));
            var law = LawFor(citation, page, ownLaw, inStatute);
            if (law is null) continue;
            laws.Add(law.Slug);
            citation.LawHref = "/" + law.Url;

            var citedHere = new List<int>();
            for (var i = 0; i < citation.Parts.Count; i++)
            {
                var part = citation.Parts[i];
                if (part.Ref is null) continue;
                if (ResolvePart(page, citation, law, part)) citedHere.Add(part.Ref.Article);
                if (i >= 2 && citation.Parts[i - 1].Text is "至" or "到" && citation.Parts[i - 2].Ref is { } from)
                    citedHere.AddRange(RangeInterior(page, citation, law, from.Article, part.Ref.Article));
            }
            foreach (var article in citedHere.Distinct())
            {
                if (law.Article(article) is null) continue;
                keys.Add(LawRegistry.PreviewKey(law, article));
                if (law.Page == page) continue;
                var title = headingTitle.Length > 0 && page.Kind != PageKind.Home ? $"{page.Meta.Title} · {headingTitle}" : page.Meta.Title;
                var url = headingId.Length > 0 ? $"{page.Url}#{headingId}" : page.Url;
                backlinks.Add(new Backlink(law.Slug, article, title, url, Backlink.SourceOrderOf(page, citation.Line)));
            }
        }
        return new PageCitations(keys, laws, backlinks);
    }

    /// <summary>The paragraphs that hold a law's own words: its articles' 款 and 项, not the intro or notes.</summary>
    private static HashSet<Block> StatutoryBlocks(Law law) =>
        law.Articles.SelectMany(a => a.Paragraphs.SelectMany(p => p.Items.Select(i => (Block)i.Block).Prepend(p.Block))).ToHashSet();

    private static bool IsStatutoryText(CitationInline citation, HashSet<Block> statute)
    {
        Inline root = citation;
        while (root.Parent is not null) root = root.Parent;
        return (root as ContainerInline)?.ParentBlock is { } block && statute.Contains(block);
    }

    private Law? LawFor(CitationInline citation, ContentPage page, Law? ownLaw, bool inStatute)
    {
        if (citation.LawName == "本法") return ownLaw;
        if (citation.LawName is null)
        {
            // A bare 第十六条 means "this law" only in the law's own statutory text. In notes it may
            // be another document's article ("该意见第十三条"), so authors write 本法 or 《消防法》.
            return inStatute ? ownLaw : null;
        }
        if (citation.Bracketed)
        {
            var law = registry.Find(citation.LawName);
            // Statute text quotes other laws verbatim (《中华人民共和国刑法》); it cannot be edited, so
            // a law the site lacks is left as text there instead of failing the build.
            if (law is null && inStatute) return null;
            if (law is null)
                Error(page, citation, DiagnosticCodes.CitationUnknownLaw,
                    $"本站没有收录《{citation.LawName}》，无法链接到它的条文。请核对法律名称（可用全称或简称，如《消防法》），或先在 content/laws/ 中添加这部法律；只想提及这份文件时，不要在书名号后紧接“第…条”。");
            return law;
        }
        var found = registry.FindAtEnd(citation.LawName);
        if (found is null)
        {
            // An unknown unbracketed name ("安全管理规定第十条") is prose, not a citation of this page's law.
            var text = citation.Prefix + string.Concat(citation.Parts.Select(p => p.Text));
            citation.Parts.Clear();
            citation.Prefix = "";
            citation.Parts.Add(new CitationPart(text, null));
            return null;
        }
        SplitLeading(citation, found.Value.Leading);
        return found.Value.Law;
    }

    /// <summary>"根据消防法第六十条": only "消防法第六十条" belongs in the link.</summary>
    private static void SplitLeading(CitationInline citation, string leading)
    {
        if (leading.Length == 0) return;
        citation.InsertBefore(new LiteralInline(leading) { Line = citation.Line, Column = citation.Column });
        citation.Prefix = citation.Prefix[leading.Length..];
    }

    private bool ResolvePart(ContentPage page, CitationInline citation, Law law, CitationPart part)
    {
        var reference = part.Ref!;
        if (reference.Article < 1 || reference.Article > law.ArticleCount)
        {
            Error(page, citation, DiagnosticCodes.CitationNoSuchArticle,
                $"《{law.CitationName}》共 {law.ArticleCount} 条，没有“{part.Text}”。请核对条号。");
            return false;
        }
        var article = law.Article(reference.Article);
        if (article is null)
        {
            diagnostics.Warning(page.DisplayPath, citation.Line + 1, citation.Column + 1, DiagnosticCodes.CitationNotDigested,
                $"本站的《{law.CitationName}》节选没有收录“{part.Text}”，链接将指向这部法律的页面。如需链接到条文，请在 {law.Page.DisplayPath} 中补上这一条。");
            part.Href = "/" + law.Url;
            return true;
        }
        var anchor = reference.Anchor;
        if (reference.Paragraph is { } p)
        {
            var paragraph = p <= article.Paragraphs.Count ? article.Paragraphs[p - 1] : null;
            var itemMissing = reference.Item is { } item && (paragraph is null || paragraph.Items.All(x => x.Number != item));
            if (paragraph is null || itemMissing)
            {
                Error(page, citation, DiagnosticCodes.CitationNoSuchParagraph,
                    $"《{law.CitationName}》{article.Heading}没有“{part.Text}”所说的款或项（该条有 {article.Paragraphs.Count} 款）。请核对款、项的序号。");
                anchor = article.Anchor;
            }
        }
        part.Href = $"/{law.Url}#{anchor}";
        part.PreviewKey = LawRegistry.PreviewKey(law, reference.Article);
        return true;
    }

    private IEnumerable<int> RangeInterior(ContentPage page, CitationInline citation, Law law, int from, int to)
    {
        if (from >= to)
        {
            Error(page, citation, DiagnosticCodes.CitationBadRange,
                $"条文范围“第{ChineseNumeral.Format(Math.Max(from, 1))}条至第{ChineseNumeral.Format(Math.Max(to, 1))}条”的起点不小于终点。请核对条号。");
            return [];
        }
        return Enumerable.Range(from + 1, Math.Max(0, Math.Min(to, law.ArticleCount + 1) - from - 1));
    }

    private void Error(ContentPage page, CitationInline citation, string code, string message) =>
        diagnostics.Error(page.DisplayPath, citation.Line + 1, citation.Column + 1, code, message);
}
