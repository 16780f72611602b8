using System.Security.Cryptography;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// The theme's static files (CSS, JS). They ship inside the theme assembly, so a published
/// generator needs nothing else; when the theme's source folder is next to the content (a clone
/// of this repository), it is read from disk instead so that serve mode picks up edits.
/// </summary>
public sealed record ThemeAssets(IReadOnlyList<(string Path, byte[] Content)> Files, string Version, string? SourceFolder, UInt128 SourceHash = default)
{
    /// <param name="previous">The last build's assets, in serve mode: kept when the sources are unchanged, since compressing them is slow.</param>
    public static ThemeAssets Load(string? folder, ThemeAssets? previous = null)
    {
        var sources = folder is not null && Directory.Exists(folder) ? FromFolder(folder) : FromAssembly();
        var sourceHash = new RenderInputs();
        foreach (var (path, content) in sources) sourceHash.Add(path).Add(content);
        if (previous is not null && previous.SourceHash == sourceHash.Hash && previous.SourceFolder == folder) return previous;

        var files = new List<(string Path, byte[] Content)>();
        foreach (var (path, content) in sources)
        {
            var minified = AssetMinifier.Minify(path, content);
            files.Add((path, minified));
            // For servers that serve precompressed files (nginx gzip_static, brotli_static).
            if (AssetMinifier.IsText(path))
            {
                files.Add((path + ".gz", AssetMinifier.Gzip(minified)));
                files.Add((path + ".br", AssetMinifier.Brotli(minified)));
            }
        }
        using var sha = SHA256.Create();
        foreach (var (path, content) in files)
        {
            var name = System.Text.Encoding.UTF8.GetBytes(path);
            sha.TransformBlock(name, 0, name.Length, null, 0);
            sha.TransformBlock(content, 0, content.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        var version = Convert.ToHexStringLower(sha.Hash!)[..10];
        return new ThemeAssets(files, version, folder is not null && Directory.Exists(folder) ? folder : null, sourceHash.Hash);
    }

    /// <summary>Looks for site-theme/wwwroot beside the content folder or above it.</summary>
    public static string? FindSourceFolder(string contentDir)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(contentDir)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "site-theme", "wwwroot");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "site-theme", "PublicEdu.Theme.csproj")))
                return candidate;
        }
        return null;
    }

    private static List<(string, byte[])> FromFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .Where(f => !Path.GetFileName(f.Item1).StartsWith('.'))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();

    private static List<(string, byte[])> FromAssembly()
    {
        var assembly = typeof(PublicEdu.Theme.Models.PageFrame).Assembly;
        var result = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            result.Add((name["wwwroot/".Length..], memory.ToArray()));
        }
        return result;
    }
}
