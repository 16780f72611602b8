namespace PublicEdu.Generator.Rendering;

/// <summary>A file of the built site. <see cref="Source"/> is the Markdown file it came from, if any.</summary>
public sealed record OutputFile(string Path, byte[] Content, Content.ContentPage? Source = null)
{
    public bool IsHtml => Path.EndsWith(".html", StringComparison.Ordinal);
}
