namespace PublicEdu.Generator.Rendering;

public enum JsTokenKind { Identifier, Punctuator, String, Template, Regex, Number }

/// <param name="Start">Offset of the first character; <paramref name="End"/> is one past the last.</param>
/// <param name="NewlineBefore">A line break separates it from the previous token (where automatic semicolons go).</param>
/// <param name="Depth">How many brackets enclose it; an opening or closing bracket counts at the level outside it.</param>
public readonly record struct JsToken(JsTokenKind Kind, int Start, int End, bool NewlineBefore, int Depth);

/// <param name="ErrorOffset">Where the text stopped making sense; -1 when it was read to the end.</param>
public sealed record JsTokens(IReadOnlyList<JsToken> Tokens, int ErrorOffset = -1, string? Error = null);

/// <summary>
/// Splits the theme's JavaScript into tokens, just well enough to find import and export
/// statements safely: strings, template literals (with code inside ${…}), comments and regular
/// expressions are read whole, so a word "import" inside them is never taken for a statement.
/// Whether a "/" starts a regular expression is decided from the token before it, the usual
/// rule; the theme's code has no case it gets wrong, and unbalanced brackets are reported, so a
/// wrong guess ends as an error rather than as a changed script.
/// </summary>
public static class JsTokenizer
{
    // Longest first, so "===" is not read as "==" and "=".
    private static readonly string[] Punctuators =
    [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "%=", "&=", "|=", "^=", "**", "<<", ">>",
    ];

    // After these words an expression starts, so "/" opens a regular expression.
    private static readonly HashSet<string> ExpressionKeywords =
        ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"];

    public static JsTokens Tokenize(string text)
    {
        var tokens = new List<JsToken>();
        // Open brackets, and '`' for a template's ${…}, with where each opened.
        var open = new Stack<(char Bracket, int Offset)>();
        var newline = false;
        var i = 0;
        if (text.StartsWith("#!", StringComparison.Ordinal)) i = SkipLine(text, i);

        void Add(JsTokenKind kind, int start, int end, int depth)
        {
            tokens.Add(new JsToken(kind, start, end, newline, depth));
            newline = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029') { newline = true; i++; continue; }
            if (char.IsWhiteSpace(c) || c == '\uFEFF') { i++; continue; }
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/') { i = SkipLine(text, i); continue; }
            if (c == '/' && next == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0) return new JsTokens(tokens, i, "注释 /* 没有结束");
                if (text.AsSpan(i, close - i).IndexOfAny('\n', '\r') >= 0) newline = true;
                i = close + 2;
                continue;
            }

            var start = i;
            if (c is '"' or '\'')
            {
                i = ScanString(text, i);
                if (i < 0) return new JsTokens(tokens, start, "字符串没有结束");
                Add(JsTokenKind.String, start, i, open.Count);
            }
            else if (c == '`' || (c == '}' && open.Count > 0 && open.Peek().Bracket == '`'))
            {
                // A template's problems are reported at its opening backquote, which its ${…} entries keep.
                var opening = c == '`' ? start : open.Pop().Offset;
                i = ScanTemplate(text, i + 1, out var substitution);
                if (i < 0) return new JsTokens(tokens, opening, "模板字符串 ` 没有结束");
                Add(JsTokenKind.Template, start, i, open.Count);
                if (substitution) open.Push(('`', opening));
            }
            else if (IsIdentifierStart(c))
            {
                i++;
                while (i < text.Length && IsIdentifierPart(text[i])) i++;
                Add(JsTokenKind.Identifier, start, i, open.Count);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
            {
                i++;
                // Loose on purpose (1e-3, 0x1F, 1_000n): the converter never looks inside a number.
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E' && !text[start..i].StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                    i++;
                Add(JsTokenKind.Number, start, i, open.Count);
            }
            else if (c == '/' && RegexMayStart(text, tokens))
            {
                i = ScanRegex(text, i + 1);
                if (i < 0) return new JsTokens(tokens, start, "正则表达式 / 没有结束");
                Add(JsTokenKind.Regex, start, i, open.Count);
            }
            else if (c is '(' or '[' or '{')
            {
                Add(JsTokenKind.Punctuator, start, ++i, open.Count);
                open.Push((c, start));
            }
            else if (c is ')' or ']' or '}')
            {
                var expected = c switch { ')' => '(', ']' => '[', _ => '{' };
                if (open.Count == 0 || open.Peek().Bracket != expected) return new JsTokens(tokens, start, $"“{c}”没有对应的开括号");
                open.Pop();
                Add(JsTokenKind.Punctuator, start, ++i, open.Count);
            }
            else if ("=+-*%&|^!~<>?:;,.@".Contains(c) || c == '/')
            {
                var length = Punctuators.FirstOrDefault(p => text.AsSpan(i).StartsWith(p, StringComparison.Ordinal))?.Length ?? 1;
                // "a?.5:b" is a conditional, not optional chaining.
                if (length == 2 && c == '?' && next == '.' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2])) length = 1;
                if (c == '/' && next == '=') length = 2;
                i += length;
                Add(JsTokenKind.Punctuator, start, i, open.Count);
            }
            else
            {
                return new JsTokens(tokens, start, $"读不懂字符“{c}”");
            }
        }
        if (open.Count > 0)
        {
            var (bracket, offset) = open.Peek();
            return new JsTokens(tokens, offset, bracket == '`' ? "模板字符串里的 ${ 没有结束" : $"“{bracket}”没有对应的闭括号");
        }
        return new JsTokens(tokens);
    }

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$' or '#' || char.IsSurrogate(c);

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '\u200C' or '\u200D' || char.IsSurrogate(c);

    private static int SkipLine(string text, int i)
    {
        while (i < text.Length && text[i] is not ('\n' or '\r' or '\u2028' or '\u2029')) i++;
        return i;
    }

    /// <summary>The offset after the closing quote; -1 when the line or the text ends first.</summary>
    private static int ScanString(string text, int i)
    {
        var quote = text[i++];
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote) return i + 1;
            if (c is '\n' or '\r') return -1;
            // A backslash escapes the next character, or continues the string on the next line.
            if (c == '\\') i += i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n' ? 3 : 2;
            else i++;
        }
        return -1;
    }

    /// <summary>From inside a template to after its closing ` or its next "${"; -1 when the text ends first.</summary>
    private static int ScanTemplate(string text, int i, out bool substitution)
    {
        substitution = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`') return i + 1;
            if (c == '\\') { i += 2; continue; }
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                substitution = true;
                return i + 2;
            }
            i++;
        }
        return -1;
    }

    /// <summary>From after the opening "/" to after the flags; -1 when the line ends first.</summary>
    private static int ScanRegex(string text, int i)
    {
        var inClass = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r') return -1;
            if (c == '\\') { i += 2; continue; }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass)
            {
                i++;
                while (i < text.Length && IsIdentifierPart(text[i])) i++;
                return i;
            }
            i++;
        }
        return -1;
    }

    /// <summary>A "/" after a value (a name, a number, a closing bracket) divides; anywhere else it opens a regular expression.</summary>
    private static bool RegexMayStart(string text, List<JsToken> tokens)
    {
        if (tokens.Count == 0) return true;
        var previous = tokens[^1];
        var word = text[previous.Start..previous.End];
        return previous.Kind switch
        {
            JsTokenKind.Identifier => ExpressionKeywords.Contains(word),
            // A "}" usually ends a block, after which a statement (and so a regular expression) may start.
            JsTokenKind.Punctuator => word is not (")" or "]" or "++" or "--"),
            _ => false,
        };
    }
}
