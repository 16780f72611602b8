using System.Text;
using System.Text.RegularExpressions;

namespace PublicEdu.Tests.Support;

/// <summary>
/// One place in generator/ that reports a diagnostic: a call that passes a <c>DiagnosticCodes</c>
/// constant together with a message written out in Chinese. A call choosing between two messages
/// (<c>a ? $"…" : $"…"</c>) is two producers, since each message needs its own case.
/// </summary>
/// <param name="Message">The message as written, interpolation holes matching any text; for a call that passes a message
/// built earlier (<c>problem</c>, a local <c>Fail(…)</c>), any of the Chinese literals of its file.</param>
public sealed record DiagnosticProducer(string File, int Line, string Code, string Template, Regex Message)
{
    public override string ToString() => $"{Code} {File}:{Line} “{(Template.Length > 40 ? Template[..40] + "…" : Template)}”";

    public bool Reports(string code) => Code.Split('|').Contains(code);
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

    /// <summary>Every Chinese string literal of a generator file, as patterns: the pieces a message built in steps is made of.</summary>
    public static IReadOnlyList<Regex> LiteralsOf(string file) =>
        ChineseLiterals(File.ReadAllText(Path.Combine(RepoPaths.Root, file))).Select(l => l.Pattern).ToList();

    private static readonly Regex CodeReference = new(@"(?<!(?:==|!=)\s*(?:\w+\.)*)DiagnosticCodes\.(?<name>\w+)\b");

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
            foreach (var (index, code) in CodesIn(text, codes))
            {
                var line = text.AsSpan(0, index).Count('\n') + 1;
                var templates = MessagesOfCall(text, index);
                if (templates.Count == 0 && !IsCodeArgumentOnly(text, index))
                    templates = [("(a message built elsewhere in this file)", new Regex(string.Join("|", ChineseLiterals(text).Select(l => l.Pattern.ToString())), RegexOptions.Singleline))];
                foreach (var template in templates)
                    result.Add(new DiagnosticProducer(relative, line, code, template.Text, template.Pattern));
            }
        }
        return result;
    }

    /// <summary>
    /// Where each code is named. A call that reports with a code it was given as <c>syntaxCode</c>
    /// (YamlMap.Parse) reports whichever code its caller passes: its code is "PE0101|PE0151|…".
    /// </summary>
    private static IEnumerable<(int Index, string Code)> CodesIn(string text, Dictionary<string, string> codes)
    {
        foreach (Match match in CodeReference.Matches(text))
            if (codes.TryGetValue(match.Groups["name"].Value, out var code)) yield return (match.Index + match.Length, code);
        foreach (Match match in Regex.Matches(text, @"\bsyntaxCode,"))
            yield return (match.Index + match.Length, string.Join('|', SyntaxCodes.Value));
    }

    private static readonly Lazy<IReadOnlyList<string>> SyntaxCodes = new(() =>
    {
        var codes = typeof(PublicEdu.Generator.Diagnostics.DiagnosticCodes).GetFields().ToDictionary(f => f.Name, f => (string)f.GetValue(null)!);
        return Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "generator"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(path => Regex.Matches(File.ReadAllText(path), @"YamlMap\.Parse\([^;]*?DiagnosticCodes\.(?<name>\w+)\)").Select(m => codes[m.Groups["name"].Value]))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    });

    /// <summary>A code passed on to YamlMap.Parse, which reports it as syntaxCode, is not a producer of its own.</summary>
    private static bool IsCodeArgumentOnly(string text, int index)
    {
        var start = text.LastIndexOf('\n', index) + 1;
        var statement = text[start..Math.Min(text.Length, text.IndexOf(';', index) + 1)];
        return statement.Contains("YamlMap.Parse(", StringComparison.Ordinal);
    }

    private static List<(string Text, Regex Pattern)> ChineseLiterals(string text)
    {
        var found = new List<(string, Regex)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length;
                continue;
            }
            if (c == '\'') i = SkipChar(text, i);
            else if (c == '"' || (c == '$' && i + 1 < text.Length && text[i + 1] == '"'))
            {
                var interpolated = c == '$';
                var (end, literal, pattern) = ReadString(text, interpolated ? i + 1 : i, interpolated);
                i = end;
                if (literal.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF)) found.Add((literal, new Regex(pattern, RegexOptions.Singleline)));
            }
        }
        return found;
    }

    /// <summary>The string literals with Chinese text in the rest of the call that <paramref name="start"/> is inside, holes excepted.</summary>
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
                // At any depth: "…" + (near.Count > 0 ? $"相近的有：…" : "") + "…" is one message.
                // Short words ("处罚" in a pattern match) are not messages. Unanchored: a message may be
                // built from several literals joined with +.
                if (literal.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF) && (depth == 0 || literal.Length >= 5))
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
