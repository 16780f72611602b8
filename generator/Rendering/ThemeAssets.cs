using System.Security.Cryptography;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Theme.Layout;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// The theme's static files (CSS, JS). They ship inside the theme assembly, so a published
/// generator needs nothing else; when the theme's source folder is next to the content (a clone
/// of this repository), it is read from disk instead so that serve mode picks up edits.
/// </summary>
/// <param name="ClassicScripts">For a file-links build: js/classic/ and the classic copies of the modules are included.</param>
public sealed record ThemeAssets(IReadOnlyList<(string Path, byte[] Content)> Files, string Version, string? SourceFolder, UInt128 SourceHash = default,
    bool ClassicScripts = false)
{
    /// <param name="previous">The last build's assets, in serve mode: kept when the sources are unchanged, since compressing them is slow.</param>
    /// <param name="classicScripts">
    /// Pages opened from disk (file-links builds) load classic scripts. Other builds leave
    /// js/classic/ out, so their files and version do not depend on it at all.
    /// </param>
    /// <param name="diagnostics">Where a module the converter refuses is reported (PE0008); needed with <paramref name="classicScripts"/>.</param>
    public static ThemeAssets Load(string? folder, ThemeAssets? previous = null, bool classicScripts = false, DiagnosticBag? diagnostics = null)
    {
        var onDisk = folder is not null && Directory.Exists(folder);
        var sources = onDisk ? FromFolder(folder!) : FromAssembly();
        if (!classicScripts) sources.RemoveAll(s => s.Item1.StartsWith(ScriptTags.ClassicFolder, StringComparison.Ordinal));
        var sourceHash = new RenderInputs();
        foreach (var (path, content) in sources) sourceHash.Add(path).Add(content);
        if (previous is not null && previous.SourceHash == sourceHash.Hash && previous.SourceFolder == folder && previous.ClassicScripts == classicScripts)
            return previous;

        if (classicScripts)
        {
            string Display(string path) => onDisk ? DisplayPath.For(Path.Combine(folder!, path)) : "wwwroot/" + path;
            sources = [.. sources.Concat(Rendering.ClassicScripts.Convert(sources, Display, diagnostics ?? throw new ArgumentNullException(nameof(diagnostics))))
                .OrderBy(s => s.Item1, StringComparer.Ordinal)];
        }

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
        return new ThemeAssets(files, version, onDisk ? folder : null, sourceHash.Hash, classicScripts);
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
