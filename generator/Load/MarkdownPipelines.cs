using Markdig;
using PublicEdu.Generator.Markdown.Callouts;
using PublicEdu.Generator.Markdown.Citations;
using PublicEdu.Generator.Markdown.HeadingIds;

namespace PublicEdu.Generator.Load;

/// <summary>
/// The two Markdig pipelines the site uses, each built once: building one costs more than
/// parsing a page, and a pipeline is safe to share between threads.
/// </summary>
public static class MarkdownPipelines
{
    private static readonly MarkdownPipeline Safe = Create(allowRawHtml: false);
    private static readonly MarkdownPipeline WithHtml = Create(allowRawHtml: true);

    public static MarkdownPipeline For(bool allowRawHtml) => allowRawHtml ? WithHtml : Safe;

    private static MarkdownPipeline Create(bool allowRawHtml)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes()
            .UseTaskLists()
            .UsePreciseSourceLocation();
        CalloutExtension.Use(builder);
        builder.Extensions.Add(new HeadingIdExtension());
        builder.Extensions.Add(new CitationExtension());
        if (!allowRawHtml) builder.DisableHtml();
        return builder.Build();
    }
}
