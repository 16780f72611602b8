using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>One "键：值" line of a hazard, penalty or option: the key, an optional （类别）, the value and its citations.</summary>
/// <param name="Uncited">The value without its citations: on a line of citations, anything but separators is a citation that did not parse.</param>
public sealed record DetailLine(string Key, string? Qualifier, string Value, IReadOnlyList<CitationInline> Citations, int Line, string Uncited);

/// <summary>
/// Catalogue entries and options write their details as "键：值" lines under each other, one
/// paragraph with line breaks. This cuts such a paragraph into lines and reads each one.
/// </summary>
public static partial class DetailLines
{
    [GeneratedRegex(@"^(?<key>[\p{IsCJKUnifiedIdeographs}]{2,5})(?:[（(](?<qualifier>[^）)]+)[）)])?[：:]\s*(?<value>.*)$")]
    private static partial Regex Detail();

    /// <summary>A paragraph's inlines, cut at its line breaks.</summary>
    public static List<List<Inline>> Split(ContainerInline inline)
    {
        var lines = new List<List<Inline>> { new() };
        foreach (var child in inline)
        {
            if (child is LineBreakInline) lines.Add([]);
            else lines[^1].Add(child);
        }
        return lines;
    }

    /// <summary>The line as the author wrote it, citations included.</summary>
    public static string Text(IEnumerable<Inline> inlines) =>
        string.Concat(inlines.Select(i => i switch
        {
            LiteralInline l => l.Content.ToString(),
            CitationInline c => c.Prefix + string.Concat(c.Parts.Select(p => p.Text)),
            CodeInline code => code.Content,
            ContainerInline container => Text(container),
            _ => "",
        })).Trim();

    /// <summary>Null when the line is not of the form 键：值.</summary>
    public static DetailLine? Read(List<Inline> inlines, int line)
    {
        var match = Detail().Match(Text(inlines));
        if (!match.Success) return null;
        var qualifier = match.Groups["qualifier"].Success ? match.Groups["qualifier"].Value.Trim() : null;
        var uncited = Detail().Match(Text(inlines.Where(i => i is not CitationInline)));
        return new DetailLine(match.Groups["key"].Value, qualifier, match.Groups["value"].Value.Trim(),
            inlines.SelectMany(i => i is CitationInline c ? [c] : i is ContainerInline ci ? ci.Descendants<CitationInline>() : []).ToList(), line,
            uncited.Success ? uncited.Groups["value"].Value.Trim() : "");
    }

    public static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;

    /// <summary>The items of a list written with 、 (首违不罚、主动申报).</summary>
    public static IReadOnlyList<string> List(string value) =>
        value.Split(['、', '，', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
