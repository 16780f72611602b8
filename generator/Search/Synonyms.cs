using System.Text;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Search;

/// <summary>One line of content/synonyms.txt: the words as written, with their columns.</summary>
/// <param name="OneWay">"A → B": a query for A also finds B, not the other way round.</param>
public sealed record SynonymGroup(int Line, IReadOnlyList<(string Word, int Column)> Sources, IReadOnlyList<(string Word, int Column)> Targets, bool OneWay)
{
    public IEnumerable<(string Word, int Column)> Words => OneWay ? Sources.Concat(Targets) : Sources;

    /// <summary>The compact form written into the search manifest and read by js/search.js: "a b c" or "a b&gt;c".</summary>
    public string Encoded => OneWay
        ? string.Join(" ", Sources.Select(w => w.Word)) + ">" + string.Join(" ", Targets.Select(w => w.Word))
        : string.Join(" ", Sources.Select(w => w.Word));
}

/// <summary>
/// The authors' synonym groups, content/synonyms.txt. Visitors type the words they use
/// (电瓶车, 灭火筒, 出租房); the site is written in the words of the law (电动自行车, 灭火器,
/// 居住出租房屋). Bigrams cannot bridge that gap, so the browser expands a query word into its
/// group before searching. Expansion happens at query time only: the file is a few kilobytes in
/// the manifest, whereas expanding at index time would add postings for every occurrence.
/// One group a line:
///   电瓶车 = 电动车 = 电动自行车      words that mean the same, each finds the others;
///   灭火筒、灭火瓶 → 灭火器           the words on the left also find the words on the right.
/// </summary>
public sealed class Synonyms
{
    public const string FileName = "synonyms.txt";

    public static readonly Synonyms Empty = new([]);

    public IReadOnlyList<SynonymGroup> Groups { get; }

    /// <summary>The file as diagnostics name it; empty when there is no file.</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>Normalised word → the other words a query for it also searches, in file order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Expansions { get; }

    public Synonyms(IReadOnlyList<SynonymGroup> groups)
    {
        Groups = groups;
        Expansions = ExpansionsOf(groups.Select(g => g.Encoded));
    }

    /// <summary>
    /// The expansion table from the encoded groups; js/search.js builds the same table from the
    /// same strings, so both sides expand a query identically.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ExpansionsOf(IEnumerable<string> encoded)
    {
        var map = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in encoded)
        {
            var arrow = group.IndexOf('>');
            if (arrow < 0)
            {
                var words = group.Split(' ');
                foreach (var w in words) map[w] = words.Where(o => o != w).ToList();
            }
            else
            {
                var targets = group[(arrow + 1)..].Split(' ');
                foreach (var w in group[..arrow].Split(' ')) map[w] = targets;
            }
        }
        return map;
    }

    /// <summary>NFKC and lower case, as the analyzer sees text.</summary>
    public static string Normalize(string word) => word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Reads and checks the file; a missing file is no synonyms. Null when the file has errors.</summary>
    public static Synonyms? Load(string contentDir, DiagnosticBag diagnostics)
    {
        var full = Path.Combine(contentDir, FileName);
        if (!File.Exists(full)) return Empty;
        var display = DisplayPath.For(full);
        var text = SourceText.Read(full, display, diagnostics);
        return text is null ? null : Parse(text, display, diagnostics);
    }

    public static Synonyms? Parse(string text, string display, DiagnosticBag diagnostics)
    {
        var groups = new List<SynonymGroup>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = false;
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var raw = lines[l].TrimEnd('\r');
            var lineNo = l + 1;
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var group = ParseLine(raw, lineNo, display, diagnostics);
            if (group is null) { errors = true; continue; }
            var words = group.Words.ToList();
            if (words.Select(w => w.Word).Distinct().Count() < 2)
            {
                diagnostics.Error(display, lineNo, words[0].Column, DiagnosticCodes.SynonymGroupTooSmall,
                    $"这一组同义词只有一个词“{words[0].Word}”，搜索时不会有任何作用。请写出至少两个意思相同的词，如“电瓶车 = 电动车 = 电动自行车”，或用箭头写“灭火筒 → 灭火器”；不需要的行请删去。");
                errors = true;
                continue;
            }
            // A word a query is expanded from must have one expansion. The word it leads to may be
            // led to from several lines (灭火筒 → 灭火器 and, elsewhere, 干粉筒 → 灭火器).
            var clash = false;
            foreach (var (word, column) in group.Sources)
            {
                if (seen.TryGetValue(word, out var other))
                {
                    diagnostics.Error(display, lineNo, column, DiagnosticCodes.SynonymWordInTwoGroups,
                        other == lineNo
                            ? $"“{word}”在这一行里写了两次。请删去一处。"
                            : $"“{word}”已经在第 {other} 行的一组里。一个词只能属于一组（只在箭头右边出现的词除外），否则搜索它时不知道该按哪一组扩展。请把两行合并成一组，或删去其中一处。");
                    clash = true;
                }
                else seen[word] = lineNo;
            }
            if (clash) { errors = true; continue; }
            groups.Add(group);
        }
        return errors ? null : new Synonyms(groups) { SourcePath = display };
    }

    private static readonly char[] Separators = [' ', '\t', '\u3000', '、', '，', ','];

    private static SynonymGroup? ParseLine(string line, int lineNo, string display, DiagnosticBag diagnostics)
    {
        var arrow = line.IndexOf('→');
        var arrowLength = 1;
        if (arrow < 0 && (arrow = line.IndexOf("->", StringComparison.Ordinal)) >= 0) arrowLength = 2;
        if (arrow >= 0)
        {
            var rest = arrow + arrowLength;
            var extra = new[] { line.IndexOf('→', rest), line.IndexOf("->", rest, StringComparison.Ordinal), line.IndexOf('=') }.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (extra >= 0)
            {
                Malformed(line, lineNo, extra, display, diagnostics, "一行只能有一个箭头，而且不能同时用“=”和“→”");
                return null;
            }
            var sources = Words(line, 0, arrow);
            var targets = Words(line, rest, line.Length);
            if (sources.Count == 0 || targets.Count == 0)
            {
                Malformed(line, lineNo, sources.Count == 0 ? 0 : rest, display, diagnostics, "箭头的两边都要写词");
                return null;
            }
            return Check(sources.Concat(targets), line, lineNo, display, diagnostics) ? new SynonymGroup(lineNo, sources, targets, true) : null;
        }

        var parts = new List<(string Word, int Column)>();
        var start = 0;
        while (true)
        {
            var end = line.IndexOf('=', start);
            if (end < 0) end = line.Length;
            var words = Words(line, start, end);
            if (words.Count != 1)
            {
                Malformed(line, lineNo, start, display, diagnostics, words.Count == 0
                    ? "“=”的两边都要写词"
                    : "同义词之间要用“=”分开（如“电瓶车 = 电动车”），只是要让左边的词也能找到右边的词时才用“→”");
                return null;
            }
            parts.AddRange(words);
            if (end == line.Length) break;
            start = end + 1;
        }
        return Check(parts, line, lineNo, display, diagnostics) ? new SynonymGroup(lineNo, parts, [], false) : null;
    }

    /// <summary>Every word must give the analyzer something to search for.</summary>
    private static bool Check(IEnumerable<(string Word, int Column)> words, string line, int lineNo, string display, DiagnosticBag diagnostics)
    {
        foreach (var (word, column) in words)
        {
            if (SearchAnalyzer.Tokenize(word).Count == 0 || word.Contains('>'))
            {
                Malformed(line, lineNo, column - 1, display, diagnostics, $"“{word}”里没有汉字、字母或数字");
                return false;
            }
        }
        return true;
    }

    /// <summary>The words between two positions, split at spaces and 、，, with 1-based columns.</summary>
    private static List<(string Word, int Column)> Words(string line, int from, int to)
    {
        var result = new List<(string, int)>();
        var i = from;
        while (i < to)
        {
            while (i < to && Array.IndexOf(Separators, line[i]) >= 0) i++;
            var start = i;
            while (i < to && Array.IndexOf(Separators, line[i]) < 0) i++;
            if (i > start) result.Add((Normalize(line[start..i]), start + 1));
        }
        return result;
    }

    private static void Malformed(string line, int lineNo, int index, string display, DiagnosticBag diagnostics, string what) =>
        diagnostics.Error(display, lineNo, Math.Clamp(index + 1, 1, Math.Max(line.Length, 1)), DiagnosticCodes.SynonymLineMalformed,
            $"这一行同义词写法有误：{what}。每行写一组，例如“电瓶车 = 电动车 = 电动自行车”或“灭火筒、灭火瓶 → 灭火器”；以 # 开头的行是注释。");

    /// <summary>
    /// Warns about words a group leads to that no search document contains: such a group can
    /// never find anything. The colloquial words themselves (电瓶车) are expected to be missing from
    /// the site, which is the point of the file, so only the words searched for are checked: the
    /// right side of "→", and for "=" groups at least one of the words.
    /// </summary>
    public void WarnAboutUnusedWords(IReadOnlyList<SearchDocument> documents, DiagnosticBag diagnostics)
    {
        var display = SourcePath;
        // Words are mostly Han, which case and NFKC leave alone; the raw text is searched so a large
        // site is not copied for every build.
        bool Occurs(string word)
        {
            var comparison = word.Any(char.IsAsciiLetter) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return documents.AsParallel().Any(d => d.Body.Contains(word, comparison) || d.Title.Contains(word, comparison) || d.Headings.Contains(word, comparison));
        }
        foreach (var group in Groups)
        {
            if (group.OneWay)
            {
                foreach (var (word, column) in group.Targets.Where(t => !Occurs(t.Word)))
                    diagnostics.Warning(display, group.Line, column, DiagnosticCodes.SynonymWordNotOnSite,
                        $"本站没有任何页面出现“{word}”，所以这一组搜索时找不到东西。请检查有没有写错字，或把箭头右边换成页面里实际用的说法。");
            }
            else if (!group.Sources.Any(s => Occurs(s.Word)))
            {
                diagnostics.Warning(display, group.Line, group.Sources[0].Column, DiagnosticCodes.SynonymWordNotOnSite,
                    $"这一组里的词本站没有一个页面出现过，所以搜索时找不到东西。请检查有没有写错字，或在组里加上页面里实际用的说法。");
            }
        }
    }
}
