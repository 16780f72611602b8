namespace PublicEdu.Generator.Content;

/// <summary>
/// Paths in diagnostics are relative to the current directory when possible, with forward
/// slashes, so that editors can open them and the output does not change between machines.
/// </summary>
public static class DisplayPath
{
    public static string For(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        var chosen = relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        return chosen.Replace('\\', '/');
    }
}
