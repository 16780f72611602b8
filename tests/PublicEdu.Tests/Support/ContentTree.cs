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
        - 堵塞或上锁 {隐患}
          等级：较大隐患
          违反：《测试法》第二条第一款第三项
          处罚：《测试法》第六十条
          整改：立即清理。
          期限：立即
          免罚：可能适用
        :::

        ::: question gas
        用什么燃料？

        - 只用电 {不适用}
        - 瓶装液化气 {合规}
        :::

        ::: question lpg if=gas:瓶装液化气
        钢瓶放在哪里？

        - 通风处 {合规}
        - 地下室 {隐患}
          等级：可能构成重大火灾隐患
          违反：《测试法》第三条
          处罚：无直接罚则
          整改：立即移出。
          期限：立即
          免罚：不适用：可能构成重大火灾隐患
        :::
        """;

    public ContentTree WithSelfCheck(string text = MiniSelfCheck) => WithLaw().Write("selfchecks/test-check.md", text);

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
