using System.Runtime.InteropServices;

namespace PublicEdu.Generator.Output;

/// <summary>
/// Stage 5, Write: files go to a sibling temporary folder; only a build without errors swaps it
/// into place. A failed or interrupted build therefore never touches the last good site, and
/// files from earlier builds never linger because the new folder starts empty.
/// </summary>
public sealed class OutputStaging
{
    private readonly string _target;
    private readonly string _staging;

    public OutputStaging(string outputDir)
    {
        _target = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_target)!;
        var name = Path.GetFileName(_target);
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, name);
        _staging = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
    }

    public void Write(OutputFile file)
    {
        var path = Path.Combine(_staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, file.Content);
    }

    /// <summary>Puts the staged site in place of the old one.</summary>
    public void Commit()
    {
        if (!Directory.Exists(_target))
        {
            Directory.Move(_staging, _target);
            return;
        }
        // renameat2(RENAME_EXCHANGE) swaps both folders in one step: at every instant there is a
        // complete site at the target path. Where it is unavailable, fall back to two renames.
        if (OperatingSystem.IsLinux() && TryExchange(_staging, _target))
        {
            Directory.Delete(_staging, recursive: true);
            return;
        }
        var old = _staging + ".old";
        Directory.Move(_target, old);
        Directory.Move(_staging, _target);
        Directory.Delete(old, recursive: true);
    }

    public void Abort()
    {
        try
        {
            if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        }
        catch (IOException)
        {
            // Removed by the next build's RemoveLeftovers.
        }
    }

    /// <summary>Staging folders of builds that were killed; their process is gone.</summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.tmp-*"))
        {
            var pidText = Path.GetFileName(dir)[$".{name}.tmp-".Length..].Split('-')[0];
            if (int.TryParse(pidText, out var pid) && pid != Environment.ProcessId && IsRunning(pid)) continue;
            if (pid == Environment.ProcessId) continue;
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", SetLastError = true, EntryPoint = "renameat2")]
    private static extern int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    private static bool TryExchange(string a, string b)
    {
        try { return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0; }
        catch (EntryPointNotFoundException) { return false; }
        catch (DllNotFoundException) { return false; }
    }
}
