using System.Text;
using System.Text.RegularExpressions;

namespace PublicEdu.Tests.Support;

/// <summary>
/// One place in generator/ that reports a diagnostic: a call that passes a <c>DiagnosticCodes</c>
/// constant together with a message written out in Chinese. A call choosing between two messages
/// (<c>a ? $"…" : $"…"</c>) is two producers, since each message needs its own case.
/// </summary>
/// <param name="Message">The message as written, interpolation holes matching any text.</param>
public sealed record DiagnosticProducer(string File, int Line, string Code, string Template, Regex Message)
{
    public override string ToString() => $"{Code} {File}:{Line} “{(Template.Length > 40 ? Template[..40] + "…" : Template)}”";
}

/// <summary>
/// Finds every <see cref="DiagnosticProducer"/> by reading the generator's source. It is a small
/// lexer rather than a regular expression because messages contain parentheses and interpolation
/// holes contain strings of their own.
/// </summary>
public static class DiagnosticProducers
{
    private static readonly Lazy<IReadOnlyList<DiagnosticProducer>> AllProducers = new(Scan);

    public static IReadOnlyList<DiagnosticProducer> All => AllProducers.Value;

    private static readonly Regex CodeReference = new(@"DiagnosticCodes\.(?<name>[A-Za-z]+)\b");

    private static IReadOnlyList<DiagnosticProducer> Scan()
    {
        var codes = typeof(PublicEdu.Generator.Diagnostics.DiagnosticCodes).GetFields()
            .ToDictionary(f => f.Name, f => (string)f.GetValue(null)!);
        var root = Path.Combine(RepoPaths.Root, "generator");
        var result = new List<DiagnosticProducer>();
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || path.EndsWith("DiagnosticCodes.cs", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(path);
            var relative = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
            foreach (Match match in CodeReference.Matches(text))
            {
                if (!codes.TryGetValue(match.Groups["name"].Value, out var code)) continue;
                var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                foreach (var template in MessagesOfCall(text, match.Index + match.Length))
                    result.Add(new DiagnosticProducer(relative, line, code, template.Text, template.Pattern));
            }
        }
        return result;
    }

    /// <summary>The top-level string literals with Chinese text in the rest of the call that <paramref name="start"/> is inside.</summary>
    private static List<(string Text, Regex Pattern)> MessagesOfCall(string text, int start)
    {
        var found = new List<(string, Regex)>();
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0) break;
            }
            else if (c == ';' && depth <= 0) break;
            else if (c == '\'') i = SkipChar(text, i);
            else if (c == '"' || (c == '$' && i + 1 < text.Length && text[i + 1] == '"'))
            {
                var interpolated = c == '$';
                var (end, literal, pattern) = ReadString(text, interpolated ? i + 1 : i, interpolated);
                i = end;
                if (depth == 0 && literal.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF))
                    // Unanchored: a message may be built from several literals joined with +.
                    found.Add((literal, new Regex(pattern, RegexOptions.Singleline)));
            }
        }
        return found;
    }

    private static int SkipChar(string text, int i)
    {
        var j = i + 1;
        if (j < text.Length && text[j] == '\\') j++;
        return text.IndexOf('\'', j + 1) is var close and >= 0 ? close : i;
    }

    /// <summary>Reads the string literal whose opening quote is at <paramref name="quote"/>: its text, and a pattern with holes as wildcards.</summary>
    private static (int End, string Literal, string Pattern) ReadString(string text, int quote, bool interpolated)
    {
        var literal = new StringBuilder();
        var pattern = new StringBuilder();
        var i = quote + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"') return (i, literal.ToString(), pattern.ToString());
            if (c == '\\' && i + 1 < text.Length)
            {
                var escaped = text[i + 1] switch { 'n' => '\n', 't' => '\t', var other => other };
                literal.Append(escaped);
                pattern.Append(Regex.Escape(escaped.ToString()));
                i += 2;
                continue;
            }
            if (interpolated && (c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                pattern.Append(Regex.Escape(c.ToString()));
                i += 2;
                continue;
            }
            if (interpolated && c == '{')
            {
                i = SkipHole(text, i + 1);
                literal.Append('…');
                pattern.Append(".*?");
                continue;
            }
            literal.Append(c);
            pattern.Append(Regex.Escape(c.ToString()));
            i++;
        }
        throw new InvalidOperationException("unterminated string literal");
    }

    /// <summary>The index after the hole's closing brace; nested strings and braces are skipped.</summary>
    private static int SkipHole(string text, int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{') depth++;
            else if (c == '}' && depth-- == 0) return i + 1;
            else if (c == '\'') i = SkipChar(text, i);
            else if (c == '"' || (c == '$' && i + 1 < text.Length && text[i + 1] == '"'))
            {
                var interpolated = c == '$';
                i = ReadString(text, interpolated ? i + 1 : i, interpolated).End;
            }
            i++;
        }
        return i;
    }
}
