using System.Text.RegularExpressions;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Site;

/// <summary>
/// The author guide's example outputs are what authors compare their own errors with. Issue 13
/// found the guide showing PE0102 for a questionnaire mistake the build had stopped reporting, so
/// every example is checked against the generator: each one's message must be one the generator
/// writes under that code, and the examples below are produced by a real run, line for line.
/// </summary>
public class AuthorGuideTests
{
    private static readonly string GuidePath = Path.Combine(RepoPaths.Root, "docs", "写作指南.md");

    private static readonly Regex ExampleLine = new(
        @"^\s*(?<path>[^\s(]+?)(?:\((?<line>\d+),(?<column>\d+)\))?: (?<severity>error|warning) (?<code>PE\d{4}): (?<message>.+)$",
        RegexOptions.Multiline);

    public static IEnumerable<(int Line, string Text, string Code, string Message)> Examples()
    {
        var lines = File.ReadAllLines(GuidePath);
        for (var i = 0; i < lines.Length; i++)
            if (ExampleLine.Match(lines[i]) is { Success: true } m)
                yield return (i + 1, lines[i].Trim(), m.Groups["code"].Value, m.Groups["message"].Value.TrimEnd());
    }

    [Fact]
    public void Every_example_message_is_one_the_generator_writes_under_that_code()
    {
        var examples = Examples().ToList();
        Assert.True(examples.Count > 150, $"only {examples.Count} examples found");
        var wrong = new List<string>();
        foreach (var (line, text, code, message) in examples)
        {
            var producers = DiagnosticProducers.All.Where(p => p.Reports(code)).ToList();
            // A message may be built from several literals ("…" + (a ? "…" : "") + "…", a hint chosen
            // beforehand): take out every piece this code's producers write, then the other text of
            // their files; what is left are values put in between (a list of classes), which hold no
            // sentence punctuation.
            var rest = message;
            var own = producers.Select(p => p.Message.ToString()).Where(p => !p.StartsWith('(')).ToList();
            var pieces = own.Concat(producers.Select(p => p.File).Distinct().SelectMany(DiagnosticProducers.LiteralsOf).Select(r => r.ToString()));
            var matchedOwn = own.Any(p => Regex.IsMatch(message, Trim(p), RegexOptions.Singleline, TimeSpan.FromSeconds(2)));
            foreach (var piece in pieces.Select(Trim).Where(p => p.Length > 0).Distinct().OrderByDescending(p => p.Length))
                rest = Regex.Replace(rest, piece, "\u0001", RegexOptions.Singleline, TimeSpan.FromSeconds(2));
            var whole = matchedOwn && !rest.Any(c => "。；：“”（）".Contains(c));
            if (producers.Count == 0 || !whole) wrong.Add($"docs/写作指南.md:{line}: {text}");
        }
        Assert.True(wrong.Count == 0, "examples no producer writes:\n" + string.Join("\n", wrong));
    }

    /// <summary>A hole at either end of a piece would match nothing (lazily), so it is dropped.</summary>
    private static string Trim(string pattern)
    {
        while (pattern.StartsWith(".*?", StringComparison.Ordinal)) pattern = pattern[3..];
        while (pattern.EndsWith(".*?", StringComparison.Ordinal)) pattern = pattern[..^3];
        return pattern;
    }

    /// <summary>A guide example and the content that gives it; the file is written where the example says.</summary>
    public sealed record RealRun(string Name, string File, string Text, Action<ContentTree>? Arrange = null)
    {
        public override string ToString() => Name;
    }

    private const string SmallHotelFrontMatter = "---\ntitle: 小旅馆消防安全自查\npremises: 小旅馆\naudience: 经营者\nminutes: 10\nreviewed: 2026-12-03\n---\n\n引言。\n";

    public static readonly TheoryData<RealRun> RealRuns = new()
    {
        new("4.2 a date with slashes", "articles/lpg-cylinders.md", "---\ntitle: 液化气钢瓶\ndate: 2026/11/28\n---\n\n正文。\n"),
        new("4.3 a comma in tags", "guides/tags-comma.md", "---\ntitle: 标签\ntags: [消防，疏散]\n---\n\n正文。\n"),
        new("4.3 a bare comma list", "guides/tags-bare.md", "---\ntitle: 标签\ntags: 消防，疏散\n---\n\n正文。\n"),
        new("4.4 no space after the colon", "guides/yaml-nospace.md", "---\ntitle:保持通道畅通\n---\n\n正文。\n"),
        new("4.4 a colon inside the title", "guides/exit-check.md", "---\ntitle: 注意: 通道不能堵\n---\n\n正文。\n"),
        new("4.4 a title that is a comment", "guides/y3.md", "---\ntitle: #1 指引\n---\n\n正文。\n"),
        new("8.1 toc not a boolean", "guides/kitchen-fire.md", "---\ntitle: 厨房\ntoc: 要\n---\n\n正文。\n"),
        new("8.1 missing title", "guides/night-patrol.md", "---\nsummary: 夜间巡查\n---\n\n正文。\n"),
        new("10.1 self-check without premises", "selfchecks/small-hotel.md", SmallHotelFrontMatter.Replace("premises: 小旅馆\n", "") + ContentTree.MiniSelfCheck[ContentTree.MiniSelfCheck.IndexOf("## ", StringComparison.Ordinal)..], t => t.WithCatalogue()),
        new("10.1 self-check with minutes: 八", "selfchecks/small-hotel.md", SmallHotelFrontMatter.Replace("minutes: 10", "minutes: 八") + ContentTree.MiniSelfCheck[ContentTree.MiniSelfCheck.IndexOf("## ", StringComparison.Ordinal)..], t => t.WithCatalogue()),
        new("10.1 self-check with reviewed: 上周", "selfchecks/small-hotel.md", SmallHotelFrontMatter.Replace("reviewed: 2026-12-03", "reviewed: 上周") + ContentTree.MiniSelfCheck[ContentTree.MiniSelfCheck.IndexOf("## ", StringComparison.Ordinal)..], t => t.WithCatalogue()),
        new("7 a law with effective: 明年八月", "laws/fire-law-2019.md", ContentTree.MiniLaw.Replace("source: 测试\n", "source: 测试\neffective: 明年八月\n")),
        new("7 a law without issuer", "laws/fire-law-2019.md", ContentTree.MiniLaw.Replace("issuer: 测试机关\n", "")),
    };

    [Theory]
    [MemberData(nameof(RealRuns))]
    public async Task The_examples_come_from_a_real_run(RealRun run)
    {
        using var tree = new ContentTree();
        run.Arrange?.Invoke(tree);
        tree.Write(run.File, run.Text);
        var result = await tree.BuildAsync(write: false);
        var guide = File.ReadAllText(GuidePath);
        var errors = result.Diagnostics.Where(d => d.Path.Replace('\\', '/').EndsWith(run.File, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errors);
        foreach (var diagnostic in errors)
        {
            var printed = diagnostic.ToString();
            printed = printed[printed.IndexOf("content/", StringComparison.Ordinal)..];
            Assert.True(guide.Contains(printed, StringComparison.Ordinal), $"the guide does not show what the build prints:\n{printed}");
        }
    }
}
