using PublicEdu.Generator.Build;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Content;

/// <summary>
/// Runs every broken-content case of <see cref="DiagnosticCodeTests"/>, <see cref="FrontMatterTests"/>
/// and a few of its own once, and keeps every diagnostic that reached the build's result: what the
/// CLI prints. A code can be tested while one of the places that reports it writes into a bag
/// nobody reads (issue 13), so coverage is counted per producer, not per code.
/// </summary>
public sealed class ProducedDiagnosticsFixture : IAsyncLifetime
{
    public IReadOnlyList<Diagnostic> Produced { get; private set; } = [];

    /// <summary>Cases that reach a producer no single-code case of the other catalogues reaches.</summary>
    public static readonly IReadOnlyList<Action<ContentTree>> Extra =
    [
        t => t.Write("guides/fw.md", ContentTree.Page("块", "：：：提示\n内容")),
        t => t.Write("guides/y.md", "---\ntitle: [未闭合\n---\n\n正文。\n"),
        t => t.Write("guides/ghost.md", "---\n- 列表\n---\n\n正文。\n"),
        t => t.Write("guides/fw2.md", "---\n标题：中文冒号\n---\n\n正文。\n"),
        t => t.Write("guides/tags.md", ContentTree.Page("标签", "正文。", "tags: [消防，疏散]\n")),
        t => t.Write("guides/tags2.md", ContentTree.Page("标签", "正文。", "tags:\n  - [甲]\n")),
        t => t.Write("guides/empty-title.md", "---\ntitle: \"\"\n---\n\n正文。\n"),
        t => t.Write("guides/主动申报.md", ContentTree.Page("主动申报", "正文。")).Write("guides.md", ContentTree.Page("保留", "正文。")),
        t => t.Write("guides/Bad_Name!.md", ContentTree.Page("坏名字", "正文。")),
        t => t.Write("site.yml", ContentTree.SiteYml + "\nallow_raw_html: 否\n"),
        t => t.Write("site.yml", "- 列表\n"),
        t => t.Write("site.yml", "title: 站点\nnavigation: 首页\n"),
        t => t.Write("site.yml", ContentTree.SiteYml + "\nreporting_channels:\n  - url: https://fire.example.test\n"),
        t => t.WithLaw().Write("laws/test-law.md", ContentTree.MiniLaw.Replace("## 第一章 总则", "引言。\n\n#### 小标题\n\n## 第一章 总则")),
        t => t.WithLaw().Write("laws/test-law.md", ContentTree.MiniLaw.Replace("第三条正文。", "第三条正文。\n\n::: 解读\n说明。\n:::\n\n条文又来了。")),
        t => t.WithLaw().Write("laws/test-law.md", ContentTree.MiniLaw.Replace("## 第一章 总则", "## 第一章 总则\n\n不属于任何一条的段落。")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("::: question gas", "::: question Gas!")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("用什么燃料？\n", "- 不是问题\n\n用什么燃料？\n")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("- 只用电 {不适用}\n- 瓶装液化气 {合规}\n", "")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("> 怎么判断：走一遍。\n", "> 怎么判断：走一遍。\n\n多余的段落。\n")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("- 畅通 {合规}\n", "- 畅通 {合规}\n  整改：不需要。\n")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("{隐患：exits-blocked}\n", "{隐患：exits-blocked}\n  随便写点。\n")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("{隐患：exits-blocked}\n", "{隐患：exits-blocked}\n\n  另起一段。\n")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck + "\n\n结尾的说明。\n"),
        // The hazard catalogue, one producer each.
        Catalogue("重大依据：测试用的判定依据。\n", ""),
        Catalogue("::: hazard lpg-basement\n液化气钢瓶放在地下室\n\n", "::: hazard lpg-basement\n液化气钢瓶放在地下室\n"),
        Catalogue("::: penalty\n罚则：《测试法》第六十条\n", "::: penalty\n罚则：《测试法》第六十条\n\n"),
        Catalogue("## 疏散\n", "## 疏散\n\n::: 提示\n说明。\n:::\n"),
        Catalogue("处罚：《测试法》第六十条\n等级：较大隐患", "处罚：罚款\n等级：较大隐患"),
        Catalogue("案由：不履行测试职责\n", "案由：不履行测试职责\n罚则：《测试法》第六十条\n"),
        Catalogue("罚则：《测试法》第六十条\n案由", "罚则：《测试法》第六十条、第三条\n案由"),
        Catalogue("案由：不履行测试职责\n", ""),
        Catalogue("处罚：《测试法》第六十条\n等级：较大隐患", "处罚：《测试法》第六十条第一款\n等级：较大隐患"),
        Catalogue("免罚：主动申报\n:::", "免罚：主动申报\n\n- 多余的列表\n:::"),
        Catalogue("等级：较大隐患\n", "等级：较大隐患\n性质：一般\n"),
        Catalogue("期限：立即\n免罚：主动申报", "期限：立即\n免罚：主动申报\n免罚（居住场所）：主动申报"),
        Catalogue("期限：立即\n免罚：主动申报", "期限：立即\n整改（居住场所）：另一种\n免罚：主动申报"),
        Catalogue("期限：立即\n免罚：主动申报", "期限：立即\n随便写的一行\n免罚：主动申报"),
        Catalogue("::: hazard lpg-basement", "::: hazard LPG_basement"),
        Catalogue("处罚：《测试法》第六十条\n等级：较大隐患", "处罚：《测试法》第六十条、第三条\n等级：较大隐患"),
        t => t.WithCatalogue(ContentTree.MiniCatalogue + "\n\n::: penalty\n罚则：《测试法》第六十条\n案由：重复登记\n处罚的义务：《测试法》第二条\n:::\n"),
        t => t.WithCatalogue(ContentTree.MiniCatalogue + "\n\n::: hazard ebike-indoor\n在室内给电动车充电\n\n性质：安全建议\n整改：移到室外。\n期限：立即\n:::\n"),
        // exemptions.yml, one producer each.
        Rules("  - name: 小微企业\n    id: small-enterprise\n", "  - name: 小微企业\n    id: earlier-violation\n"),
        Rules("fact: 小微企业\n        expect: 是", "fact: 大企业\n        expect: 是"),
        Rules("fact: 小微企业\n        expect: 是", "fact: 小微企业\n        expect: 也许"),
        Rules("      - text: 及时改正\n        action: true\n", "      - text: 及时改正\n"),
        Rules("date: 2021-10-09", "date: 十月"),
        Rules("    sources:\n      - title: 测试报道\n        issuer: 测试媒体\n        date: \"2024-03\"\n", ""),
        Rules("    source:\n      title: 测试文件\n      issuer: 测试机关\n      date: \"2021\"\n", ""),
        t => t.WithSelfCheck().Write("exemptions.yml", "reviewed: 2026-12-01\nno_direct_penalty: 必须改正。\n"),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("::: question gas", "::: question small-enterprise").Replace("if=gas:", "if=small-enterprise:")),
        t => t.WithSelfCheck(ContentTree.MiniSelfCheck.Replace("- 通风处 {合规}\n- 地下室 {隐患：lpg-basement}\n", "- 通风处\n")),
        // site.yml and the content folder.
        t => t.Write("site.yml", ContentTree.SiteYml + "\norganisation: 某单位\n"),
        t => t.Write("site.yml", ContentTree.SiteYml.Replace("  - title: 首页\n    url: /\n", "  - 首页\n")),
        t => t.Write("guides/exits.md", ContentTree.Page("通道", "正文。")).Write("guides/exits/index.html", "<p>占用</p>"),
        // content/synonyms.txt: a word twice in one group, and a group none of whose words is on the site.
        t => t.Write("guides/ebike.md", ContentTree.Page("电动车", "电动车不进楼道。")).Write("synonyms.txt", "电动车 = 电瓶车 = 电动车\n"),
        t => t.Write("synonyms.txt", "甲乙丙丁 = 戊己庚辛\n"),
    ];

    private static Action<ContentTree> Catalogue(string from, string to) => t =>
    {
        Assert.Contains(from, ContentTree.MiniCatalogue);
        t.WithCatalogue(ContentTree.MiniCatalogue.Replace(from, to)).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck);
    };

    private static Action<ContentTree> Rules(string from, string to) => t =>
    {
        Assert.Contains(from, ContentTree.MiniRules);
        t.WithCatalogue(rules: ContentTree.MiniRules.Replace(from, to)).Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck);
    };

    public async Task InitializeAsync()
    {
        var arrangements = ((IEnumerable<object[]>)DiagnosticCodeTests.Cases).Select(row => ((DiagnosticCodeTests.Case)row[0]).Arrange)
            .Concat(((IEnumerable<object[]>)FrontMatterTests.Cases).Select(row => ((FrontMatterTests.Case)row[0]).Arrange))
            .Concat(Extra)
            .ToList();
        var produced = new System.Collections.Concurrent.ConcurrentBag<Diagnostic>();
        // One at a time: each build already runs its pages in parallel, and other test classes run beside this one.
        await Parallel.ForEachAsync(arrangements, new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (arrange, _) =>
        {
            using var tree = new ContentTree();
            arrange(tree);
            foreach (var d in (await tree.BuildAsync(write: false)).Diagnostics) produced.Add(d);
        });
        // The scenarios that are not about content: no folder, no site.yml, a dangling file, an unwritable output.
        using (var folder = new TempFolder())
            foreach (var d in (await SiteBuilder.BuildAsync(new BuildOptions(folder.Combine("nope"), null))).Diagnostics) produced.Add(d);
        using (var tree = new ContentTree(siteYml: null))
            foreach (var d in (await tree.BuildAsync(write: false)).Diagnostics) produced.Add(d);
        using (var tree = new ContentTree())
        {
            File.CreateSymbolicLink(Path.Combine(tree.ContentDir, "dangling.md"), Path.Combine(tree.Root, "does-not-exist.md"));
            foreach (var d in (await tree.BuildAsync(write: false)).Diagnostics) produced.Add(d);
        }
        using (var tree = new ContentTree())
        {
            File.WriteAllText(tree.OutputDir, "a file where the site folder should be");
            foreach (var d in (await tree.BuildAsync()).Diagnostics) produced.Add(d);
        }
        using (var tree = new ContentTree())
        {
            // Serve mode writes in place; a file where a page's folder should be stops it.
            tree.Write("guides/exits.md", ContentTree.Page("通道", "正文。"));
            var first = await tree.BuildAsync();
            tree.Write("guides/exits.md", ContentTree.Page("通道", "改过的正文。"));
            Directory.Delete(Path.Combine(tree.OutputDir, "guides"), recursive: true);
            File.WriteAllText(Path.Combine(tree.OutputDir, "guides"), "not a folder");
            var options = new BuildOptions(tree.ContentDir, tree.OutputDir, null, RepoPaths.ThemeWwwroot);
            foreach (var d in (await SiteBuilder.BuildAsync(options, first.State)).Diagnostics) produced.Add(d);
        }
        Produced = produced.ToList();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public class DiagnosticProducerTests(ProducedDiagnosticsFixture fixture) : IClassFixture<ProducedDiagnosticsFixture>
{
    /// <summary>
    /// Producers no content can reach, each with the reason. Every other producer must be reached
    /// by a case, so a new one fails here until a case shows its message reaches the output.
    /// </summary>
    private static readonly (string Code, string File, string Reason)[] Unreachable =
    [
        (DiagnosticCodes.InternalError, "generator/Build/SiteBuilder.cs", "a bug in the generator itself; no content produces it on purpose"),
        (DiagnosticCodes.ThemeScriptUnsupported, "generator/Rendering/ClassicScript", "about the theme's JavaScript: ClassicScriptConverterTests breaks a theme copy"),
        (DiagnosticCodes.FileUnreadable, "generator/Load/ContentLoader.cs", "needs a folder the build cannot list; permissions do not stop root, which runs CI"),
    ];

    public static TheoryData<string> Producers()
    {
        var data = new TheoryData<string>();
        foreach (var producer in DiagnosticProducers.All.Where(p => !Unreachable.Any(u => p.Reports(u.Code) && p.File.StartsWith(u.File, StringComparison.Ordinal))))
            data.Add($"{producer.Code} {producer.File}:{producer.Line}#{producer.Template}");
        return data;
    }

    [Fact]
    public void The_source_scan_finds_the_producers()
    {
        // Guards the scanner itself: far fewer would mean it stopped seeing calls.
        Assert.True(DiagnosticProducers.All.Count > 120, $"only {DiagnosticProducers.All.Count} producers found");
        Assert.Contains(DiagnosticProducers.All, p => p.File == "generator/Content/LawFrontMatter.cs" && p.Code == DiagnosticCodes.RequiredFieldMissing);
    }

    [Theory]
    [MemberData(nameof(Producers))]
    public void Each_producer_reaches_the_output(string producerKey)
    {
        var producer = DiagnosticProducers.All.First(p => $"{p.Code} {p.File}:{p.Line}#{p.Template}" == producerKey);
        Assert.True(fixture.Produced.Any(d => producer.Reports(d.Code) && producer.Message.IsMatch(d.Message)),
            $"no case produced {producer}; add one to DiagnosticCodeTests, FrontMatterTests or ProducedDiagnosticsFixture.Extra");
    }
}
