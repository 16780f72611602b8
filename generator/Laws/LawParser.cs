using Markdig.Renderers.Html;
using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.Laws;

/// <summary>
/// Reads a law digest page into a <see cref="Law"/>: ## chapters, ### 第N条 articles, their
/// paragraphs (款) with items (项) on their own lines, then ::: notes.
/// </summary>
public static partial class LawParser
{
    [GeneratedRegex(@"^第(?<n>[" + ChineseNumeral.Characters + "]+)条$")]
    private static partial Regex ArticleHeading();

    [GeneratedRegex(@"^第(?<n>[" + ChineseNumeral.Characters + "]+)章")]
    private static partial Regex ChapterHeading();

    [GeneratedRegex(@"^[（(](?<n>[" + ChineseNumeral.Characters + "]+)[）)]")]
    private static partial Regex ItemMarker();

    public static Law? Parse(ContentPage page, DiagnosticBag diagnostics)
    {
        // Loaded and checked with the page; a page of another kind has no law to read.
        if (page.LawFrontMatter is not { } meta) return null;
        var articleCount = meta.ArticleCount;

        var intro = new List<Block>();
        var chapters = new List<(string Title, string Anchor, List<LawArticle> Articles)>();
        ArticleBuilder? current = null;
        var seen = new HashSet<int>();
        var last = 0;

        void Finish()
        {
            if (current is null) return;
            var article = current.Build(page, diagnostics);
            if (article is not null)
            {
                if (chapters.Count == 0) chapters.Add(("正文", "ch-0", []));
                chapters[^1].Articles.Add(article);
            }
            current = null;
        }

        foreach (var block in page.Document)
        {
            switch (block)
            {
                case HeadingBlock { Level: 2 } h2:
                {
                    Finish();
                    var title = PlainText.Of(h2.Inline).Trim();
                    var m = ChapterHeading().Match(title);
                    var number = m.Success ? ChineseNumeral.Parse(m.Groups["n"].Value) : null;
                    var anchor = number is not null ? $"ch-{number}" : "ch-" + Markdown.HeadingIds.HeadingIdAssigner.Slugify(title);
                    h2.GetAttributes().Id = anchor;
                    chapters.Add((title, anchor, []));
                    break;
                }
                case HeadingBlock { Level: 3 } h3:
                {
                    Finish();
                    var title = PlainText.Of(h3.Inline).Trim();
                    var m = ArticleHeading().Match(title);
                    var number = m.Success ? ChineseNumeral.Parse(m.Groups["n"].Value) : null;
                    if (number is null)
                    {
                        diagnostics.Error(page.DisplayPath, h3.Line + 1, h3.Column + 1, DiagnosticCodes.LawHeadingInvalid,
                            $"条文标题“{title}”无法识别。### 标题只能写条号，例如“### 第六十条”。");
                        break;
                    }
                    if (number > articleCount)
                    {
                        diagnostics.Error(page.DisplayPath, h3.Line + 1, h3.Column + 1, DiagnosticCodes.LawArticleOutOfRange,
                            $"“{title}”超出了这部法律的条数（article_count: {articleCount}）。请核对条号或 article_count。");
                        break;
                    }
                    if (!seen.Add(number.Value))
                    {
                        diagnostics.Error(page.DisplayPath, h3.Line + 1, h3.Column + 1, DiagnosticCodes.LawArticleDuplicate,
                            $"“{title}”重复出现。每一条只能写一次。");
                        break;
                    }
                    if (number < last)
                        diagnostics.Warning(page.DisplayPath, h3.Line + 1, h3.Column + 1, DiagnosticCodes.LawArticleOrder,
                            $"“{title}”排在第{ChineseNumeral.Format(last)}条之后。请按条号顺序排列。");
                    last = Math.Max(last, number.Value);
                    // Backlinks from this article's notes point at the article itself.
                    h3.GetAttributes().Id = $"art-{number}";
                    current = new ArticleBuilder(number.Value, title, h3.Line + 1);
                    break;
                }
                case HeadingBlock heading:
                    diagnostics.Error(page.DisplayPath, heading.Line + 1, heading.Column + 1, DiagnosticCodes.LawHeadingInvalid,
                        "法律页面只用 ## 写章、### 写条。请删除或改写这个标题。");
                    break;
                case ParagraphBlock paragraph when current is not null:
                    current.AddParagraph(paragraph, page, diagnostics);
                    break;
                case CustomContainer container when current is not null:
                    current.Notes.Add(container);
                    break;
                case Block other when current is null && chapters.Count == 0:
                    intro.Add(other);
                    break;
                case Block other when current is not null:
                    diagnostics.Error(page.DisplayPath, other.Line + 1, other.Column + 1, DiagnosticCodes.LawHeadingInvalid,
                        "条文只能由普通段落组成，每款一段、每项一段；说明性内容请放在 ::: 解读 块中。");
                    break;
                case Block other:
                    diagnostics.Error(page.DisplayPath, other.Line + 1, other.Column + 1, DiagnosticCodes.LawHeadingInvalid,
                        "这段内容不属于任何一条。请放在某一条（### 第N条）之下，或移到第一章之前作为引言。");
                    break;
            }
        }
        Finish();

        // Without article_count (already reported at Load) the digest's own articles stand in, so
        // citations of them still resolve and only the digest is blamed.
        var count = articleCount ?? chapters.SelectMany(c => c.Articles).Select(a => a.Number).DefaultIfEmpty(0).Max();
        return new Law(page, page.Meta.Title, meta, count,
            page.Meta.Summary, intro, chapters.Select(c => new LawChapter(c.Title, c.Anchor, c.Articles)).ToList());
    }

    private sealed class ArticleBuilder(int number, string heading, int line)
    {
        private readonly List<(ParagraphBlock Block, string Text, List<LawItem> Items)> _paragraphs = [];

        public List<CustomContainer> Notes { get; } = [];

        public void AddParagraph(ParagraphBlock block, ContentPage page, DiagnosticBag diagnostics)
        {
            if (Notes.Count > 0)
            {
                diagnostics.Error(page.DisplayPath, block.Line + 1, block.Column + 1, DiagnosticCodes.LawHeadingInvalid,
                    "条文写在了 ::: 解读/案例 块之后。请把条文放在前面，说明放在后面。");
                return;
            }
            var text = PlainText.Of(block.Inline).Trim();
            var marker = ItemMarker().Match(text);
            var itemNumber = marker.Success ? ChineseNumeral.Parse(marker.Groups["n"].Value) : null;
            if (itemNumber is not null && _paragraphs.Count > 0)
            {
                var owner = _paragraphs[^1];
                var paragraphNumber = _paragraphs.Count;
                owner.Items.Add(new LawItem(itemNumber.Value, $"art-{number}-{paragraphNumber}-{itemNumber}", block, text));
                return;
            }
            _paragraphs.Add((block, text, []));
        }

        public LawArticle? Build(ContentPage page, DiagnosticBag diagnostics)
        {
            if (_paragraphs.Count == 0)
            {
                diagnostics.Error(page.DisplayPath, line, 1, DiagnosticCodes.LawArticleEmpty,
                    $"“{heading}”下面没有条文。请把这一条的正文写在标题下方，或删除这个标题。");
                return null;
            }
            var paragraphs = _paragraphs
                .Select((p, i) => new LawParagraph(i + 1, $"art-{number}-{i + 1}", p.Block, p.Text, p.Items))
                .ToList();
            return new LawArticle(number, heading, $"art-{number}", line, paragraphs, Notes);
        }
    }
}
