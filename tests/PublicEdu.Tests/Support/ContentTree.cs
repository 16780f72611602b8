using PublicEdu.Generator.Build;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Rendering;

namespace PublicEdu.Tests.Support;

/// <summary>
/// A small content folder written by a test: a valid site.yml plus the files the test adds.
/// Diagnostics name files relative to the current directory, so tests match on path suffixes.
/// </summary>
public sealed class ContentTree : IDisposable
{
    public const string SiteYml = """
        title: 测试站点
        tagline: 测试
        base_url: "https://fire.example.test"
        base_path: /
        navigation:
          - title: 首页
            url: /
          - title: 法律法规
            url: /laws/
        """;

    /// <summary>A two-article law with items, enough for citation tests.</summary>
    public const string MiniLaw = """
        ---
        title: 中华人民共和国测试法
        short_names: [测试法]
        slug: test-law
        issuer: 测试机关
        version: 2021年修正
        version_date: 2021-04-29
        source: 测试
        article_count: 70
        ---

        ## 第一章 总则

        ### 第一条

        为了测试，制定本法。

        ### 第二条

        单位应当履行下列职责：

        （一）第一项；

        （二）第二项；

        （三）第三项。

        个人应当遵守本法第一条。

        ### 第三条

        第三条正文。

        ### 第六十条

        第六十条正文。
        """;

    /// <summary>A three-question questionnaire with a hazard, a condition and a possible major hazard.</summary>
    public const string MiniSelfCheck = """
        ---
        title: 测试自查
        premises: 小旅馆
        audience: 经营者
        minutes: 5
        reviewed: 2026-11-28
        ---

        引言。

        ## 安全疏散

        ::: question exits-clear
        疏散通道是否畅通？

        > 怎么判断：走一遍。

        - 畅通 {合规}
        - 堵塞或上锁 {隐患：exits-blocked}
        :::

        ::: question gas
        用什么燃料？

        - 只用电 {不适用}
        - 瓶装液化气 {合规}
        :::

        ::: question lpg if=gas:瓶装液化气
        钢瓶放在哪里？

        - 通风处 {合规}
        - 地下室 {隐患：lpg-basement}
        :::
        """;

    /// <summary>The two hazards and the penalty the mini questionnaire names, a 较大 one and a possible 重大 one.</summary>
    public const string MiniCatalogue = """
        ---
        title: 测试隐患
        ---

        ## 罚则

        ::: penalty
        罚则：《测试法》第六十条
        案由：不履行测试职责
        处罚的义务：《测试法》第二条
        :::

        ## 疏散

        ::: hazard exits-blocked
        通道堵塞或出口上锁

        违反：《测试法》第二条第一款第三项
        处罚：《测试法》第六十条
        等级：较大隐患
        整改：立即清理。
        期限：立即
        免罚：主动申报
        :::

        ::: hazard lpg-basement
        液化气钢瓶放在地下室

        违反：《测试法》第三条
        处罚：无直接罚则
        等级：可能构成重大火灾隐患
        重大依据：测试用的判定依据。
        整改：立即移出。
        期限：立即
        免罚：无
        :::
        """;

    /// <summary>Two schemes and the two facts they read; enough for every kind of condition.</summary>
    public const string MiniRules = """
        reviewed: 2026-12-01
        facts:
          - name: 以前被查出过
            id: earlier-violation
            question: 以前是否被查出过消防违法行为？
            hint: 记不清的选不确定。
          - name: 小微企业
            id: small-enterprise
            question: 是否小微企业？
        schemes:
          - name: 首违不罚
            effect: 可能不予行政处罚
            max_severity: 一般隐患
            conditions:
              - text: 初次发现
                fact: 以前被查出过
                expect: 否
              - text: 案由不超过2个且均属一般
                causes_at_most: 2
                severity_at_most: 一般隐患
              - text: 不构成重大火灾隐患
                no_major: true
              - text: 及时改正
                action: true
            sources:
              - title: 测试意见第十三条
                issuer: 测试机关
                date: 2021-10-09
          - name: 主动申报
            effect: 可能从轻、减轻或者不予处罚
            max_severity: 较大隐患
            conditions:
              - text: 是小微企业
                fact: 小微企业
                expect: 是
              - text: 不构成重大火灾隐患
                no_major: true
            sources:
              - title: 测试报道
                issuer: 测试媒体
                date: "2024-03"
        statements:
          - text: 测试说明。
            source:
              title: 测试文件
              issuer: 测试机关
              date: "2021"
        major_hazard:
          law: 测试法
          article: 3
          text: 可能构成重大火灾隐患，不列出免罚办法。
        reporting:
          prepare: [自查记录]
          ask: 向当地消防救援机构咨询。
        no_direct_penalty: 没有直接罚则，但必须改正。
        """;

    public ContentTree WithSelfCheck(string text = MiniSelfCheck) => WithCatalogue().Write("selfchecks/test-check.md", text);

    public ContentTree WithCatalogue(string catalogue = MiniCatalogue, string rules = MiniRules) =>
        WithLaw().Write("hazards/test.md", catalogue).Write("exemptions.yml", rules);

    private readonly TempFolder _folder = new();

    public ContentTree(string? siteYml = SiteYml)
    {
        Directory.CreateDirectory(ContentDir);
        if (siteYml is not null) Write("site.yml", siteYml);
    }

    public string Root => _folder.Path;

    public string ContentDir => _folder.Combine("content");

    public string OutputDir => _folder.Combine("_site");

    public ContentTree Write(string relativePath, string text)
    {
        var path = Path.Combine(ContentDir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public ContentTree WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(ContentDir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public ContentTree WithLaw() => Write("laws/test-law.md", MiniLaw);

    public Task<BuildResult> BuildAsync(bool write = true, string? basePath = null) =>
        SiteBuilder.BuildAsync(new BuildOptions(ContentDir, write ? OutputDir : null, basePath, RepoPaths.ThemeWwwroot));

    public string ReadOutput(string relativePath) => File.ReadAllText(Path.Combine(OutputDir, relativePath));

    public void Dispose() => _folder.Dispose();

    public static string Page(string title, string body, string extraFrontMatter = "") =>
        $"---\ntitle: {title}\n{extraFrontMatter}---\n\n{body}\n";
}

public static class BuildResultExtensions
{
    public static IEnumerable<Diagnostic> WithCode(this BuildResult result, string code) =>
        result.Diagnostics.Where(d => d.Code == code);

    public static string Describe(this BuildResult result) =>
        string.Join("\n", result.Diagnostics.Select(d => d.ToString()));

    public static string Html(this BuildResult result, string path) =>
        System.Text.Encoding.UTF8.GetString(result.Files.Single(f => f.Path == path).Content);
}
