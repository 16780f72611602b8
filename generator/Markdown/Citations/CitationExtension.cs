using Markdig;
using Markdig.Renderers;

namespace PublicEdu.Generator.Markdown.Citations;

/// <summary>Recognises legal citations in all Markdown and renders them as article links.</summary>
public sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += CitationParser.Process;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>())
            html.ObjectRenderers.Insert(0, new CitationRenderer());
    }
}
