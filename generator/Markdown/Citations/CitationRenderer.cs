using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace PublicEdu.Generator.Markdown.Citations;

/// <summary>
/// Writes each resolved article reference as a link. The article text itself is not repeated in
/// every link: <c>data-cite</c> keys into one JSON block per page that the preview script reads.
/// </summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        var pendingPrefix = citation.Prefix;
        foreach (var part in citation.Parts)
        {
            var text = pendingPrefix + part.Text;
            pendingPrefix = "";
            if (part.Href is null)
            {
                renderer.WriteEscape(text);
                continue;
            }
            renderer.Write("<a class=\"cite\" href=\"");
            renderer.WriteEscapeUrl(renderer.LinkRewriter is { } rewrite ? rewrite(part.Href) : part.Href);
            renderer.Write('"');
            if (part.PreviewKey is not null)
            {
                renderer.Write(" data-cite=\"");
                renderer.WriteEscape(part.PreviewKey);
                renderer.Write('"');
            }
            renderer.Write('>');
            renderer.WriteEscape(text);
            renderer.Write("</a>");
        }
    }
}
