using System.Text;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Shrinks the HTML our theme and Markdig write without changing what it means: in text, a run
/// of white space that holds a line break becomes one line break (the browser shows either as one
/// space); between attributes, white space becomes one space; the encoder's &amp;#x27; and
/// &amp;#x2B; become the characters they stand for. Attribute values, comments and the contents of
/// pre, textarea, script and style are copied as they are.
/// </summary>
public static class HtmlMinifier
{
    private static readonly string[] RawElements = ["pre", "textarea", "script", "style"];

    private static readonly (string Entity, char Character)[] Entities = [("&#x27;", '\''), ("&#x2B;", '+')];

    public static string Minify(string html)
    {
        var output = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                i = CopyMarkup(html, i, output);
                continue;
            }
            if (IsSpace(c))
            {
                var end = i;
                var lineBreak = false;
                while (end < html.Length && IsSpace(html[end])) lineBreak |= html[end++] == '\n';
                if (lineBreak) output.Append('\n');
                else output.Append(html, i, end - i);
                i = end;
                continue;
            }
            i = AppendCharacter(html, i, output);
        }
        return output.ToString();
    }

    /// <summary>Copies a tag, a comment or a raw element starting at <paramref name="start"/>; returns where it ends.</summary>
    private static int CopyMarkup(string html, int start, StringBuilder output)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            var stop = close < 0 ? html.Length : close + 3;
            output.Append(html, start, stop - start);
            return stop;
        }
        var raw = RawElements.FirstOrDefault(name => StartsTag(html, start, name));
        var i = CopyTag(html, start, output);
        if (raw is null) return i;
        var end = html.IndexOf("</" + raw, i, StringComparison.OrdinalIgnoreCase);
        if (end < 0) end = html.Length;
        output.Append(html, i, end - i);
        return end;
    }

    private static int CopyTag(string html, int i, StringBuilder output)
    {
        char quote = '\0';
        while (i < html.Length)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                i = quote == '\'' ? Append(output, c, i) : AppendCharacter(html, i, output);
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                i = Append(output, c, i);
                continue;
            }
            if (IsSpace(c))
            {
                while (i < html.Length && IsSpace(html[i])) i++;
                output.Append(' ');
                continue;
            }
            output.Append(c);
            i++;
            if (c == '>') return i;
        }
        return i;
    }

    private static int Append(StringBuilder output, char c, int i)
    {
        output.Append(c);
        return i + 1;
    }

    /// <summary>Appends one character or one entity we can write as its character; returns the next position.</summary>
    private static int AppendCharacter(string html, int i, StringBuilder output)
    {
        if (html[i] == '&')
        {
            foreach (var (entity, character) in Entities)
            {
                if (string.CompareOrdinal(html, i, entity, 0, entity.Length) == 0)
                {
                    output.Append(character);
                    return i + entity.Length;
                }
            }
        }
        output.Append(html[i]);
        return i + 1;
    }

    private static bool StartsTag(string html, int i, string name) =>
        i + name.Length + 1 < html.Length
        && string.Compare(html, i + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (IsSpace(html[i + name.Length + 1]) || html[i + name.Length + 1] == '>');

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
