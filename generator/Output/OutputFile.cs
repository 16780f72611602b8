namespace PublicEdu.Generator.Output;

/// <summary>A file of the built site. <see cref="Source"/> is the Markdown file it came from, if any.</summary>
/// <param name="Inputs">The hash of what the file was rendered from (<see cref="Rendering.RenderInputs"/>); 0 when not tracked.</param>
public sealed record OutputFile(string Path, byte[] Content, Content.ContentPage? Source = null, UInt128 Inputs = default)
{
    public bool IsHtml => Path.EndsWith(".html", StringComparison.Ordinal);
}
