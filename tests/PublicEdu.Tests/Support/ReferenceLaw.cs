using System.Text.RegularExpressions;
using PublicEdu.Generator.Laws;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Tests.Support;

/// <summary>
/// Reads a reference statute file (tests/reference/laws/*.md): chapters as "## 第一章 …",
/// articles as paragraphs starting "第N条 ", continuation paragraphs until the next article.
/// An article starts only with the next expected number, so a paragraph that happens to begin
/// with "第…条" inside an article cannot be mistaken for a new one.
/// </summary>
public static partial class ReferenceLaw
{
    [GeneratedRegex(@"^第(?<n>[一二三四五六七八九十百零〇]+)条\s*(?<rest>.*)$")]
    private static partial Regex ArticleStart();

    public static IReadOnlyDictionary<int, string> Articles(string path)
    {
        var articles = new SortedDictionary<int, string>();
        var inBody = false;
        var current = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Contains("<!-- INFO END -->")) { inBody = true; continue; }
            if (!inBody || line.Length == 0 || line.StartsWith('#')) continue;
            var m = ArticleStart().Match(line);
            if (m.Success && ChineseNumeral.Parse(m.Groups["n"].Value) == current + 1)
            {
                current++;
                articles[current] = m.Groups["rest"].Value;
                continue;
            }
            if (current > 0) articles[current] += line;
        }
        return articles;
    }

    public static string WithoutWhitespace(string text) => Regex.Replace(text, @"\s+", "");
}
