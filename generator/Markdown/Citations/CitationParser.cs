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

    // Matched at each 第 the text contains; the law's name before it is found by looking back,
    // which is far cheaper than asking a regex to try every position of every paragraph.
    [GeneratedRegex(@"\G(?<first>" + Ref + ")(?<more>(?:(?:、|和|及|以及|或者|至|到)" + Ref + ")*)")]
    private static partial Regex ReferencesAt();

    private static readonly string[] LawNameEndings = ["法", "规定", "条例", "办法", "细则"];

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
        var replacements = new List<Inline>();
        var position = 0;
        for (var at = text.IndexOf('第'); at >= 0 && at < text.Length; at = text.IndexOf('第', at + 1))
        {
            if (at < position) continue;
            var match = ReferencesAt().Match(text, at);
            if (!match.Success) continue;
            var (start, lawName, prefix, bracketed) = LawBefore(text, at, position);
            if (start > position) replacements.Add(Literal(text[position..start], literal, position));
            replacements.Add(Build(match, literal, start, lawName, prefix, bracketed));
            position = match.Index + match.Length;
            at = position - 1;
        }
        if (replacements.Count == 0) return;
        if (position < text.Length) replacements.Add(Literal(text[position..], literal, position));

        Inline anchor = literal;
        foreach (var node in replacements)
        {
            anchor.InsertAfter(node);
            anchor = node;
        }
        literal.Remove();
    }

    /// <summary>
    /// What names the law just before the 第 at <paramref name="at"/>: 《…》, 本法 / 本规定, or a run
    /// of Han characters ending like a law's name ("根据消防法"; the resolver trims it to a known name).
    /// </summary>
    private static (int Start, string? Law, string Prefix, bool Bracketed) LawBefore(string text, int at, int floor)
    {
        if (at > floor && text[at - 1] == '》')
        {
            var open = text.LastIndexOf('《', at - 2 < 0 ? 0 : at - 2);
            var name = open >= floor ? text[(open + 1)..(at - 1)] : "";
            if (open >= floor && name.Length is > 0 and <= 60 && name.IndexOfAny(['《', '》', '\n']) < 0)
                return (open, name.Trim(), text[open..at], true);
            return (at, null, "", false);
        }
        foreach (var self in (string[])["本规定", "本法"])
            if (at - self.Length >= floor && string.CompareOrdinal(text, at - self.Length, self, 0, self.Length) == 0)
                return (at - self.Length, "本法", self, false);
        var begin = at;
        while (begin > floor && at - begin < 40 && IsHan(text[begin - 1])) begin--;
        var run = text[begin..at];
        if (run.Length > 0 && LawNameEndings.Any(e => run.EndsWith(e, StringComparison.Ordinal) && run.Length > e.Length))
            return (begin, run, run, false);
        return (at, null, "", false);
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static CitationInline Build(Match match, LiteralInline source, int start, string? lawName, string prefix, bool bracketed)
    {
        var citation = new CitationInline
        {
            LawName = lawName,
            Bracketed = bracketed,
            Prefix = prefix,
            Line = source.Line,
            Column = source.Column + start,
            Span = new SourceSpan(source.Span.Start + start, source.Span.Start + match.Index + match.Length - 1),
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
