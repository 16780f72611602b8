
namespace PublicEdu.Generator.Output;

/// <summary>
/// Serve mode's Write stage: brings an output folder that holds the last build up to date by
/// writing only the files whose bytes changed and removing the files that are gone. Each file is
/// replaced by a rename, so the preview server never sends half a file.
/// </summary>
public static class OutputSync
{
    /// <param name="current">What the folder holds now, by path: the files the last build wrote.</param>
    /// <returns>The number of files written.</returns>
    public static int Apply(string outputDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, OutputFile> current, bool removeOthers = true)
    {
        var written = 0;
        foreach (var file in files)
        {
            if (current.GetValueOrDefault(file.Path) is { } old && (ReferenceEquals(old.Content, file.Content) || old.Content.AsSpan().SequenceEqual(file.Content)))
                continue;
            var path = Path.Combine(outputDir, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
            File.WriteAllBytes(temporary, file.Content);
            File.Move(temporary, path, overwrite: true);
            written++;
        }
        if (!removeOthers) return written;

        var kept = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in current.Keys.Where(p => !kept.Contains(p)))
        {
            var path = Path.Combine(outputDir, gone.Replace('/', Path.DirectorySeparatorChar));
            File.Delete(path);
            // A full build would not create the folder of a page that no longer exists.
            for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > outputDir.Length && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
                Directory.Delete(dir);
        }
        return written;
    }
}
