using System.Collections.Concurrent;

namespace PublicEdu.Generator.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage. Stages run per-file work in parallel, so adding is
/// thread-safe; reading sorts, so the printed order does not depend on thread timing.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentBag<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Error(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, Severity.Error, code, message));

    public void Warning(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, Severity.Warning, code, message));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    // Counted as printed: the same problem found twice is one problem.
    public int ErrorCount => _items.Distinct().Count(d => d.Severity == Severity.Error);

    public int WarningCount => _items.Distinct().Count(d => d.Severity == Severity.Warning);

    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
