using Markdig.Renderers.Html;
using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Markdown;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Generator.Search;

/// <summary>A site's search documents, and which page each came from.</summary>
/// <param name="Synonyms">The synonym groups the index was built with: a change to them alone rebuilds the index.</param>
public sealed record SearchDocuments(List<SearchDocument> All, IReadOnlyDictionary<ContentPage, IReadOnlyList<SearchDocument>> ByPage, Synonyms? Synonyms = null);

/// <summary>Turns the resolved site into search documents, in a fixed order so the index is deterministic.</summary>
public static class SearchDocumentBuilder
{
    public static List<SearchDocument> Build(ResolvedSite site) => Build(site, null).All;

    /// <param name="previous">The last build's documents, in serve mode: a page object seen before keeps its documents.</param>
    public static SearchDocuments Build(ResolvedSite site, SearchDocuments? previous)
    {
        var byPage = new Dictionary<ContentPage, IReadOnlyList<SearchDocument>>();
        IReadOnlyList<SearchDocument> Of(ContentPage page, Func<IEnumerable<SearchDocument>> make) =>
            byPage[page] = previous?.ByPage.GetValueOrDefault(page) ?? make().ToList();

        var docs = new List<SearchDocument>();
        foreach (var law in site.Laws.Laws.OrderBy(l => l.Slug, StringComparer.Ordinal)) docs.AddRange(Of(law.Page, () => LawDocuments(law)));
        foreach (var questionnaire in site.Questionnaires.Values.OrderBy(q => q.Slug, StringComparer.Ordinal))
            docs.AddRange(Of(questionnaire.Page, () => QuestionDocuments(questionnaire)));

        // Grouped by type, so the index can describe each type as one range of document numbers.
        foreach (var page in site.Content.Pages.Where(p => p.Kind is PageKind.Guide or PageKind.Article or PageKind.Page or PageKind.Home)
                     .OrderBy(p => p.Kind switch { PageKind.Guide => 0, PageKind.Article => 1, _ => 2 })
                     .ThenBy(p => p.RelativePath, StringComparer.Ordinal))
            docs.AddRange(Of(page, () => PageDocuments(page)));
        return new SearchDocuments(docs, byPage);
    }

    private static IEnumerable<SearchDocument> LawDocuments(Laws.Law law)
    {
        var names = string.Join(" ", new[] { law.Title }.Concat(law.ShortNames));
        yield return new SearchDocument(SearchDocument.Law, law.Title, law.Url, "",
            string.Join(" ", law.ShortNames.Concat(law.Chapters.Select(c => c.Title))),
            law.Summary + "\n" + string.Join("\n", law.Intro.Select(PlainText.Of)), IsPage: true, Names: names);
        foreach (var chapter in law.Chapters)
        foreach (var article in chapter.Articles)
        {
            var notes = string.Join("\n", article.Notes.Select(PlainText.Of));
            yield return new SearchDocument(SearchDocument.Law, $"《{law.CitationName}》{article.Heading}", $"{law.Url}#{article.Anchor}",
                $"{law.Title} › {chapter.Title}", names, article.Text + "\n" + notes, $"{law.Slug}{SearchAnalyzer.ArticlePrefix}{article.Number}");
        }
    }

    private static IEnumerable<SearchDocument> QuestionDocuments(Questionnaire questionnaire)
    {
        var meta = questionnaire.Page.Meta;
        // The questionnaire itself, so "民宿" or "出租房" finds the page and not only its questions.
        yield return new SearchDocument(SearchDocument.SelfCheck, meta.Title, questionnaire.Page.Url, "",
            string.Join(" ", new[] { questionnaire.Premises, questionnaire.Audience }.Concat(meta.Tags).Concat(questionnaire.Sections.Select(s => s.Title))),
            meta.Summary + "\n" + string.Join("\n", questionnaire.Intro.Select(PlainText.Of)), IsPage: true, Names: meta.Title + " " + questionnaire.Premises);
        foreach (var section in questionnaire.Sections)
        foreach (var question in section.Questions)
        {
            var body = new List<string>();
            if (question.Hint is not null) body.Add(PlainText.Of(question.Hint));
            foreach (var option in question.Options)
            {
                body.Add(option.Label);
                // Each on its own line, so a snippet shows them as separate items rather than one run-on line.
                if (option.Hazard is { } h)
                {
                    body.Add($"{(h.Severity is { } severity ? HazardSeverities.Name(severity) : "安全建议")}：{h.Definition.Title}");
                    body.Add(h.Fix);
                }
            }
            yield return new SearchDocument(SearchDocument.SelfCheck, PlainText.Of(question.Text.Inline).Trim(), $"{questionnaire.Page.Url}#{question.Anchor}",
                $"{questionnaire.Page.Meta.Title} › {section.Title}", questionnaire.Premises, string.Join("\n", body));
        }
    }

    private static IEnumerable<SearchDocument> PageDocuments(ContentPage page)
    {
        var type = page.Kind switch { PageKind.Guide => SearchDocument.Guide, PageKind.Article => SearchDocument.Article, _ => SearchDocument.Page };
        if (page.Kind is PageKind.Page or PageKind.Home)
            return [new SearchDocument(type, page.Meta.Title, page.Url, "", string.Join(" ", page.Meta.Tags), page.Meta.Summary + "\n" + PlainText.Of(page.Document),
                IsPage: true, Names: page.Meta.Title)];
        return Sections(page, type);
    }

    /// <summary>
    /// The page, with the part before the first ## and the titles of all its sections, then each ##
    /// section, so results link to the right place.
    /// </summary>
    private static IEnumerable<SearchDocument> Sections(ContentPage page, string type)
    {
        var title = page.Meta.Title;
        var heading = "";
        var id = "";
        var text = new List<string> { page.Meta.Summary };
        var subheadings = new List<string>(page.Meta.Tags);
        subheadings.AddRange(page.Document.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(h => PlainText.Of(h.Inline).Trim()));
        foreach (var block in page.Document)
        {
            if (block is HeadingBlock { Level: 2 } h2)
            {
                yield return Section();
                heading = PlainText.Of(h2.Inline).Trim();
                id = h2.GetAttributes().Id ?? "";
                text = [];
                subheadings = [];
                continue;
            }
            if (block is HeadingBlock h) subheadings.Add(PlainText.Of(h.Inline));
            else text.Add(PlainText.Of(block));
        }
        yield return Section();

        SearchDocument Section() => heading.Length == 0
            ? new SearchDocument(type, title, page.Url, "", string.Join(" ", subheadings), string.Join("\n", text), IsPage: true, Names: title)
            : new SearchDocument(type, heading, $"{page.Url}#{id}", title, string.Join(" ", subheadings), string.Join("\n", text));
    }
}
