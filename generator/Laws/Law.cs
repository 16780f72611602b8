using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using PublicEdu.Generator.Content;

namespace PublicEdu.Generator.Laws;

/// <summary>A 项 of a 款: （三）占用、堵塞…</summary>
public sealed record LawItem(int Number, string Anchor, ParagraphBlock Block, string Text);

/// <summary>A 款: one paragraph of statutory text and the 项 listed under it.</summary>
public sealed record LawParagraph(int Number, string Anchor, ParagraphBlock Block, string Text, IReadOnlyList<LawItem> Items);

public sealed record LawArticle(
    int Number,
    string Heading,
    string Anchor,
    int Line,
    IReadOnlyList<LawParagraph> Paragraphs,
    IReadOnlyList<CustomContainer> Notes)
{
    /// <summary>The statutory text, 款 and 项 each on their own line.</summary>
    public string Text => string.Join('\n', Paragraphs.SelectMany(p => p.Items.Select(i => i.Text).Prepend(p.Text)));
}

public sealed record LawChapter(string Title, string Anchor, IReadOnlyList<LawArticle> Articles);

/// <summary>A law digest: the law's facts from front matter and the articles the author included.</summary>
/// <param name="Facts">The digest's front matter, as Load read it.</param>
/// <param name="ArticleCount">The whole law's article count; the digest's highest article when front matter lacks it (already an error).</param>
public sealed record Law(
    ContentPage Page,
    string Title,
    LawFrontMatter Facts,
    int ArticleCount,
    string Summary,
    IReadOnlyList<Block> Intro,
    IReadOnlyList<LawChapter> Chapters)
{
    public IReadOnlyList<string> ShortNames => Facts.ShortNames;

    public string Issuer => Facts.Issuer;

    public string DocumentNumber => Facts.DocumentNumber;

    public string Version => Facts.Version;

    public DateOnly? VersionDate => Facts.VersionDate;

    public DateOnly? Effective => Facts.Effective;

    public IReadOnlyList<string> History => Facts.History;

    public string Source => Facts.Source;

    public string Slug => Page.Url["laws/".Length..].TrimEnd('/');

    public string Url => Page.Url;

    /// <summary>The name used in titles and previews: 《消防法》 when a short name exists.</summary>
    public string CitationName => ShortNames.Count > 0 ? ShortNames[0] : Title;

    public IEnumerable<LawArticle> Articles => Chapters.SelectMany(c => c.Articles);

    public LawArticle? Article(int number) => Articles.FirstOrDefault(a => a.Number == number);

    public int DigestedCount => Articles.Count();

    /// <summary>
    /// Everything a citation of this law is resolved against: its address and names, its article
    /// count, and which articles, 款 and 项 it holds. Rewording an article or a 解读 leaves it
    /// unchanged, so pages citing the law need not be resolved again.
    /// </summary>
    public string CitationShape => string.Join('\n', new[] { Url, Title, string.Join('|', ShortNames), ArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        .Concat(Articles.Select(a => $"{a.Number} {a.Heading} {a.Anchor} " +
            string.Join(',', a.Paragraphs.Select(p => p.Anchor + ":" + string.Join(';', p.Items.Select(i => $"{i.Number}={i.Anchor}")))))));
}
