using Markdig.Syntax.Inlines;

namespace PublicEdu.Generator.Markdown.Citations;

/// <summary>An article reference inside a citation: 第六十条第一款第三项 → (60, 1, 3).</summary>
public sealed record ArticleRef(int Article, int? Paragraph, int? Item)
{
    public string Anchor => Paragraph is null ? $"art-{Article}"
        : Item is null ? $"art-{Article}-{Paragraph}" : $"art-{Article}-{Paragraph}-{Item}";
}

/// <summary>
/// One piece of a citation's text. Pieces with a <see cref="Ref"/> become links; the rest
/// (、 至 和) stay text. The resolver fills <see cref="Href"/> and <see cref="PreviewKey"/>.
/// </summary>
public sealed class CitationPart(string text, ArticleRef? reference)
{
    public string Text { get; } = text;
    public ArticleRef? Ref { get; } = reference;
    public string? Href { get; set; }
    public string? PreviewKey { get; set; }
}

/// <summary>
/// A citation as people write it: 《消防法》第六十条, 消防法第60条, 《行政处罚法》第三十二条、第三十三条,
/// or a bare 第十六条 (which means "this law" on a law's own page).
/// </summary>
public sealed class CitationInline : LeafInline
{
    /// <summary>The law's name as written, without 《》; null for a bare 第N条; "本法" for 本法/本规定.</summary>
    public string? LawName { get; init; }

    public bool Bracketed { get; init; }

    /// <summary>Text before the first article (《消防法》), rendered as part of the first link.</summary>
    public string Prefix { get; set; } = "";

    public List<CitationPart> Parts { get; } = [];

    /// <summary>Numerals that failed to parse, reported by the resolver with this node's line.</summary>
    public List<string> BadNumerals { get; } = [];

    /// <summary>Set by the resolver when the citation names a known law; the law page's URL.</summary>
    public string? LawHref { get; set; }
}
