namespace PublicEdu.Generator.Rendering;

/// <param name="LiveReload">Serve mode: pages load the reload script.</param>
/// <param name="IndexFileLinks">Links end in index.html, for browsing the output from disk (file://).</param>
/// <param name="MinifyHtml">Pages go through <see cref="HtmlMinifier"/>; tests turn it off to compare.</param>
public sealed record RenderOptions(bool LiveReload = false, bool IndexFileLinks = false, bool MinifyHtml = true);
