using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Makes the theme's CSS and JS smaller without changing what they do: comments, indentation and
/// blank lines go. The sources stay readable in site-theme/wwwroot. Deliberately simple: a line is
/// a comment only when it starts with //, so strings and regular expressions are never touched.
/// </summary>
public static partial class AssetMinifier
{
    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    public static bool IsText(string path) => path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".svg", StringComparison.Ordinal);

    public static byte[] Minify(string path, byte[] content)
    {
        if (path.EndsWith(".css", StringComparison.Ordinal))
            return Encoding.UTF8.GetBytes(Lines(CssComment().Replace(Encoding.UTF8.GetString(content), ""), dropLineComments: false));
        if (path.EndsWith(".js", StringComparison.Ordinal))
            return Encoding.UTF8.GetBytes(Lines(Encoding.UTF8.GetString(content), dropLineComments: true));
        return content;
    }

    private static string Lines(string text, bool dropLineComments)
    {
        var kept = text.Replace("\r\n", "\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !(dropLineComments && l.StartsWith("//", StringComparison.Ordinal)));
        return string.Join('\n', kept) + "\n";
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(content);
        return output.ToArray();
    }

    public static byte[] Brotli(byte[] content)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) brotli.Write(content);
        return output.ToArray();
    }
}
