namespace PublicEdu.Generator.Content;

/// <summary>
/// Separates the YAML front matter from the Markdown. The front-matter lines are replaced by
/// empty lines in the body, so Markdig's line numbers are the file's own line numbers.
/// </summary>
public static class FrontMatterSplitter
{
    /// <summary>Yaml is null when there is no front matter; Unterminated when the closing --- is missing.</summary>
    public static (string? Yaml, string Body, bool Unterminated) Split(string text)
    {
        if (!(text.StartsWith("---\n", StringComparison.Ordinal) || text == "---")) return (null, text, false);
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimEnd();
            if (trimmed is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = new string('\n', i + 1) + string.Join('\n', lines[(i + 1)..]);
                return (yaml, body, false);
            }
        }
        return (null, text, true);
    }
}
