using System.Text;

using System.Text.RegularExpressions;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.Search;

/// <summary>
/// Splits text into search tokens. The browser runs the same steps (js/search-analyzer.js) on the
/// query, checked against one shared file of test vectors, because a query tokenized differently
/// from the text finds nothing:
/// 1. NFKC, then lower case;
/// 2. article references (第六十条, 第60条, 60条, 六十条) become one token "§60";
/// 3. runs of Han characters give every character and every pair of neighbours (c1, c1c2, c2, …);
/// 4. runs of Latin letters and digits are words.
/// </summary>
public static partial class SearchAnalyzer
{
    public const string ArticlePrefix = "§";

    // 条件/条文/条例/条款/条目 are words, not article numbers.
    [GeneratedRegex("第?([0-9零〇一二两三四五六七八九十百千]+)条(?![件文例款目])")]
    private static partial Regex ArticleReference();

    public delegate void TokenHandler(ReadOnlySpan<char> token);

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Analyze(text, token => tokens.Add(token.ToString()));
        return tokens;
    }

    /// <summary>
    /// The analyzer itself. Tokens are handed out as slices of the normalised text, so indexing a
    /// large site does not allocate a string per character pair.
    /// </summary>
    public static void Analyze(string text, TokenHandler emit)
    {
        var normal = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        if (HasUpper(normal)) normal = normal.ToLowerInvariant();
        if (normal.Contains('条'))
            normal = ArticleReference().Replace(normal, m =>
                ChineseNumeral.Parse(m.Groups[1].Value) is { } n ? $" {ArticlePrefix}{n} " : m.Value);

        var span = normal.AsSpan();
        var hanStart = -1;
        var wordStart = -1;
        void FlushHan(int end, ReadOnlySpan<char> all)
        {
            for (var i = hanStart; i < end; i++)
            {
                emit(all.Slice(i, 1));
                if (i + 1 < end) emit(all.Slice(i, 2));
            }
            hanStart = -1;
        }
        void FlushWord(int end, ReadOnlySpan<char> all)
        {
            if (wordStart >= 0 && end > wordStart) emit(all[wordStart..end]);
            wordStart = -1;
        }
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (IsHan(c))
            {
                FlushWord(i, span);
                if (hanStart < 0) hanStart = i;
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || c == '§' && wordStart < 0)
            {
                if (hanStart >= 0) FlushHan(i, span);
                if (wordStart < 0) wordStart = i;
            }
            else
            {
                if (hanStart >= 0) FlushHan(i, span);
                FlushWord(i, span);
            }
        }
        if (hanStart >= 0) FlushHan(span.Length, span);
        FlushWord(span.Length, span);
    }

    private static bool HasUpper(string text)
    {
        foreach (var c in text)
            if (c < 128 ? c is >= 'A' and <= 'Z' : char.IsUpper(c)) return true;
        return false;
    }

    /// <summary>CJK Unified Ideographs and Extension A; supplementary planes are not used in these texts.</summary>
    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
