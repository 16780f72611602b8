using System.Text;
using System.Text.RegularExpressions;
using PublicEdu.Generator.Laws;

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

    public static List<string> Tokenize(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        normal = ArticleReference().Replace(normal, m =>
            ChineseNumeral.Parse(m.Groups[1].Value) is { } n ? $" {ArticlePrefix}{n} " : m.Value);

        var tokens = new List<string>();
        var han = new StringBuilder();
        var word = new StringBuilder();
        void FlushHan()
        {
            for (var i = 0; i < han.Length; i++)
            {
                tokens.Add(han[i].ToString());
                if (i + 1 < han.Length) tokens.Add(han.ToString(i, 2));
            }
            han.Clear();
        }
        void FlushWord()
        {
            if (word.Length > 0) tokens.Add(word.ToString());
            word.Clear();
        }
        foreach (var c in normal)
        {
            if (IsHan(c))
            {
                FlushWord();
                han.Append(c);
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || c == '§' && word.Length == 0)
            {
                FlushHan();
                word.Append(c);
            }
            else
            {
                FlushHan();
                FlushWord();
            }
        }
        FlushHan();
        FlushWord();
        return tokens;
    }

    /// <summary>CJK Unified Ideographs and Extension A; supplementary planes are not used in these texts.</summary>
    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
