using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublicEdu.Generator.Laws;

namespace PublicEdu.Generator.Markdown.Citations;

/// <summary>
/// Finds citations in the literal text of a parsed document and replaces them with
/// <see cref="CitationInline"/> nodes. It runs after inline parsing, on whole literal runs,
/// because a citation starts with a law's name and the names are only known from content;
/// here we only recognise the shape, and <see cref="Laws.CitationResolver"/> decides what it means.
/// </summary>
public static partial class CitationParser
{
    private const string Num = "[" + ChineseNumeral.Characters + "]+";
    private const string Ref = "第(?<a>" + Num + ")条(?:第(?<p>" + Num + ")款)?(?:第(?<i>" + Num + ")项)?";

    // The law part is optional: 《…》, a run of Han characters ending like a law's name, or 本法.
    [GeneratedRegex(
        @"(?:《(?<law>[^《》\n]{1,60})》|(?<self>本法|本规定)|(?<bare>\p{IsCJKUnifiedIdeographs}{1,40}?(?:法|规定|条例|办法|细则)))?"
        + "(?<first>" + Ref + ")"
        + "(?<more>(?:(?:、|和|及|以及|或者|至|到)" + Ref + ")*)")]
    private static partial Regex CitationPattern();

    [GeneratedRegex("(?<sep>、|和|及|以及|或者|至|到)(?<ref>" + Ref + ")")]
    private static partial Regex ContinuationPattern();

    public static void Process(MarkdownDocument document)
    {
        // Collect first: replacing while enumerating would invalidate the walk.
        // Headings stay plain text: "### 第六十条" is an article's own title, and a linked heading
        // would also turn up in the table of contents.
        var literals = document.Descendants<LeafBlock>()
            .Where(b => b is not HeadingBlock && b.Inline is not null)
            .SelectMany(b => b.Inline!.Descendants<LiteralInline>())
            .Where(l => l.FirstParentOfType<LinkInline>() is null)
            .ToList();
        foreach (var literal in literals) Split(literal);
    }

    private static void Split(LiteralInline literal)
    {
        var text = literal.Content.ToString();
        if (!text.Contains('第')) return;
        var matches = CitationPattern().Matches(text);
        if (matches.Count == 0) return;

        var replacements = new List<Inline>();
        var position = 0;
        foreach (Match match in matches)
        {
            if (match.Index > position) replacements.Add(Literal(text[position..match.Index], literal, position));
            var citation = Build(match, literal, out var leading);
            if (leading.Length > 0) replacements.Add(Literal(leading, literal, match.Index));
            replacements.Add(citation);
            position = match.Index + match.Length;
        }
        if (position < text.Length) replacements.Add(Literal(text[position..], literal, position));

        Inline anchor = literal;
        foreach (var node in replacements)
        {
            anchor.InsertAfter(node);
            anchor = node;
        }
        literal.Remove();
    }

    private static CitationInline Build(Match match, LiteralInline source, out string leading)
    {
        leading = "";
        string? lawName = null;
        var prefix = "";
        var bracketed = false;
        if (match.Groups["law"].Success)
        {
            lawName = match.Groups["law"].Value.Trim();
            prefix = "《" + match.Groups["law"].Value + "》";
            bracketed = true;
        }
        else if (match.Groups["self"].Success)
        {
            lawName = "本法";
            prefix = match.Groups["self"].Value;
        }
        else if (match.Groups["bare"].Success)
        {
            // "根据消防法第六十条": the regex cannot know where the name starts, so keep the whole
            // run and let the resolver pick the longest known name that ends it.
            lawName = match.Groups["bare"].Value;
            prefix = lawName;
        }

        var start = match.Index;
        var citation = new CitationInline
        {
            LawName = lawName,
            Bracketed = bracketed,
            Prefix = prefix,
            Line = source.Line,
            Column = source.Column + start,
            Span = new SourceSpan(source.Span.Start + start, source.Span.Start + start + match.Length - 1),
        };
        var first = match.Groups["first"];
        citation.Parts.Add(new CitationPart(first.Value, MakeRef(first.Value, citation)));
        foreach (Match more in ContinuationPattern().Matches(match.Groups["more"].Value))
        {
            citation.Parts.Add(new CitationPart(more.Groups["sep"].Value, null));
            citation.Parts.Add(new CitationPart(more.Groups["ref"].Value, MakeRef(more.Groups["ref"].Value, citation)));
        }
        return citation;
    }

    private static readonly Regex SingleRef = new("^" + Ref + "$", RegexOptions.Compiled);

    private static ArticleRef? MakeRef(string text, CitationInline owner)
    {
        var m = SingleRef.Match(text);
        var article = Number(m.Groups["a"], owner);
        var paragraph = m.Groups["p"].Success ? Number(m.Groups["p"], owner) : null;
        var item = m.Groups["i"].Success ? Number(m.Groups["i"], owner) : null;
        if (article is null || m.Groups["p"].Success && paragraph is null || m.Groups["i"].Success && item is null) return null;
        // "第六十条第三项" names no 款: it means the items of the first 款, as people read it.
        if (item is not null && paragraph is null) paragraph = 1;
        return new ArticleRef(article.Value, paragraph, item);
    }

    private static int? Number(Group group, CitationInline owner)
    {
        var value = ChineseNumeral.Parse(group.Value);
        if (value is null) owner.BadNumerals.Add(group.Value);
        return value;
    }

    private static LiteralInline Literal(string text, LiteralInline source, int offset) => new(text)
    {
        Line = source.Line,
        Column = source.Column + offset,
        Span = new SourceSpan(source.Span.Start + offset, source.Span.Start + offset + text.Length - 1),
    };
}
