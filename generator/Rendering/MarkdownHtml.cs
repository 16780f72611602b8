using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Markdown AST → HTML for one page. Internal links were resolved to site paths ("/laws/x/#art-6");
/// here they become relative to the page being rendered, which keeps base paths and file:// working.
/// </summary>
public sealed class MarkdownHtml(MarkdownPipeline pipeline, Func<string, string> link)
{
    public string Render(MarkdownObject node) => Write(r => r.Render(node));

    public string RenderBlocks(IEnumerable<Block> blocks) => Write(r =>
    {
        foreach (var block in blocks) r.Render(block);
    });

    /// <summary>A paragraph's inlines without the surrounding &lt;p&gt;.</summary>
    public string RenderInlines(LeafBlock block) => Write(r => r.WriteLeafInline(block));

    private string Write(Action<HtmlRenderer> action)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { LinkRewriter = Rewrite };
        pipeline.Setup(renderer);
        action(renderer);
        writer.Flush();
        return writer.ToString().Trim();
    }

    private string Rewrite(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? link(url[1..]) : url;
}
