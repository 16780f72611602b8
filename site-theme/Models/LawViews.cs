namespace PublicEdu.Theme.Models;

public sealed record LawSummary(
    string Title,
    string Url,
    string Issuer,
    string DocumentNumber,
    string Version,
    DateOnly? Effective,
    int ArticleCount,
    int DigestedCount,
    string Summary);

public sealed record LawIndexView(PageFrame Frame, string Intro, IReadOnlyList<LawSummary> Laws);

public sealed record LawItemView(string Anchor, string Html);

/// <summary>A 款: its own text and its 项.</summary>
public sealed record LawParagraphView(string Anchor, string Html, IReadOnlyList<LawItemView> Items);

public sealed record BacklinkView(string Title, string Url);

public sealed record LawArticleView(
    int Number,
    string Heading,
    string Anchor,
    IReadOnlyList<LawParagraphView> Paragraphs,
    string NotesHtml,
    IReadOnlyList<BacklinkView> CitedBy,
    int MoreCitedBy = 0,
    string MoreCitedByQuery = "");

/// <param name="Range">"第一条至第七条", for the table of contents.</param>
public sealed record LawChapterView(string Title, string Anchor, string Range, IReadOnlyList<LawArticleView> Articles);

public sealed record LawView(
    PageFrame Frame,
    LawSummary Law,
    IReadOnlyList<string> History,
    DateOnly? VersionDate,
    string Source,
    string IntroHtml,
    IReadOnlyList<LawChapterView> Chapters,
    string CitationPreviewsJson);
