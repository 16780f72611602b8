namespace PublicEdu.Generator.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>
/// One problem found in the content. Formatted as <c>path(line,col): error PE0102: message</c>,
/// the shape MSBuild, VS Code problem matchers and CI log parsers already understand.
/// </summary>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        return Line > 0
            ? $"{Path}({Line},{Math.Max(Column, 1)}): {kind} {Code}: {Message}"
            : $"{Path}: {kind} {Code}: {Message}";
    }
}
