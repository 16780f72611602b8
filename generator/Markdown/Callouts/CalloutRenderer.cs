using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace PublicEdu.Generator.Markdown.Callouts;

public sealed class CalloutRenderer : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        // Unknown kinds are reported by the content validator; render them as a plain box.
        var kind = CalloutKind.Find(container.Info) ?? new CalloutKind("", "callout-plain", container.Info ?? "");
        renderer.EnsureLine();
        renderer.Write("<aside class=\"callout ").Write(kind.CssClass).Write("\">");
        if (kind.Title.Length > 0)
            renderer.Write("<p class=\"callout-title\">").WriteEscape(kind.Title).Write("</p>");
        renderer.WriteChildren(container);
        renderer.WriteLine("</aside>");
    }
}
