using Markdig;
using Markdig.Renderers;

namespace PublicEdu.Generator.Markdown.HeadingIds;

/// <summary>
/// Gives every heading an id built from its own text, Chinese included. Markdig's
/// AutoIdentifiers keeps only ASCII, so "安全疏散" would become "section"; ours keeps it,
/// so that a link to /guides/x/#安全疏散 stays meaningful and stable when other headings move.
/// </summary>
public sealed class HeadingIdExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += HeadingIdAssigner.Assign;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }
}
