namespace PublicEdu.Generator.Build;

/// <summary>What the file watcher reported since the last successful build.</summary>
/// <param name="Paths">Every path it named: changed, created, deleted, or renamed from or to.</param>
/// <param name="Complete">It missed nothing (its buffer did not overflow), so a file it did not name is unchanged.</param>
public sealed record FileChanges(IReadOnlySet<string> Paths, bool Complete)
{
    public static readonly FileChanges None = new(new HashSet<string>(), Complete: false);
}
