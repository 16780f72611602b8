namespace PublicEdu.Generator.Rendering;

/// <param name="LiveReload">Serve mode: pages load the reload script.</param>
/// <param name="IndexFileLinks">Links end in index.html, for browsing the output from disk (file://).</param>
public sealed record RenderOptions(bool LiveReload = false, bool IndexFileLinks = false);
