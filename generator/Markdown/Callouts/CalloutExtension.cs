using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;

namespace PublicEdu.Generator.Markdown.Callouts;

/// <summary>
/// <c>::: 解读</c> and <c>::: 案例</c> blocks. Markdig's custom-container parser reads the
/// fences; we only swap its renderer for one that writes labelled, accessible asides.
/// </summary>
public sealed class CalloutExtension : IMarkdownExtension
{
    /// <summary>Adds Markdig's container parser first, then this extension's renderer.</summary>
    public static MarkdownPipelineBuilder Use(MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers();
        pipeline.Extensions.AddIfNotAlready<CalloutExtension>();
        return pipeline;
    }

    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        html.ObjectRenderers.RemoveAll(r => r is HtmlCustomContainerRenderer);
        if (!html.ObjectRenderers.Contains<CalloutRenderer>())
            html.ObjectRenderers.Insert(0, new CalloutRenderer());
    }
}
