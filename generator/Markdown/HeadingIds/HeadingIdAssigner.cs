using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PublicEdu.Generator.Markdown.HeadingIds;

/// <summary>Turns heading text into an id and makes ids unique within one document.</summary>
public static class HeadingIdAssigner
{
    public static void Assign(MarkdownDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var baseId = Slugify(PlainText.Of(heading.Inline));
            var id = baseId;
            for (var n = 2; !used.Add(id); n++) id = $"{baseId}-{n}";
            heading.GetAttributes().Id = id;
        }
    }

    /// <summary>
    /// Keeps letters (any script) and digits, lower-cases Latin, turns spaces and dashes into one
    /// hyphen and drops punctuation. "二、安全疏散 (Exits)" → "二安全疏散-exits".
    /// </summary>
    public static string Slugify(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalised.Length);
        foreach (var rune in normalised.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
                sb.Append(Rune.ToLowerInvariant(rune).ToString());
            else if ((Rune.IsWhiteSpace(rune) || rune.Value is '-' or '_') && sb.Length > 0 && sb[^1] != '-')
                sb.Append('-');
        }
        var id = sb.ToString().Trim('-');
        return id.Length == 0 ? "section" : id;
    }
}
