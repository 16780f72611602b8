using PublicEdu.Generator.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Content;

/// <summary>
/// Every key of a law digest's and a questionnaire's front matter, broken one at a time. Each
/// problem must fail the build with its code at the file, line and column of the key, be the only
/// error (no follow-on errors blamed on other files), and leave the previous site byte-identical.
/// Law and questionnaire front matter used to be read at Resolve into the load stage's bag, which
/// nobody read any more: these errors were lost.
/// </summary>
public class FrontMatterTests
{
    public sealed record Case(string Name, string Code, string File, int Line, int Column, Action<ContentTree> Arrange)
    {
        public override string ToString() => $"{Code} {Name}";
    }

    private const string LawFile = "laws/test-law.md";
    private const string CheckFile = "selfchecks/test-check.md";

    private static Action<ContentTree> Law(string from, string to) => t => t
        .WithLaw().Write(LawFile, ContentTree.MiniLaw.Replace(from, to))
        // A page citing the law: a law lost to a front-matter error used to fail it with PE0301.
        .Write("guides/cites.md", ContentTree.Page("引用", "见《测试法》第三条。"));

    private static Action<ContentTree> Check(string from, string to) => t => t
        .WithSelfCheck(ContentTree.MiniSelfCheck.Replace(from, to));

    public static readonly TheoryData<Case> Cases = new()
    {
        new("law without title", DiagnosticCodes.RequiredFieldMissing, LawFile, 2, 1, Law("title: 中华人民共和国测试法\n", "")),
        new("law without issuer", DiagnosticCodes.RequiredFieldMissing, LawFile, 2, 1, Law("issuer: 测试机关\n", "")),
        new("law without version", DiagnosticCodes.RequiredFieldMissing, LawFile, 2, 1, Law("version: 2021年修正\n", "")),
        new("law without source", DiagnosticCodes.RequiredFieldMissing, LawFile, 2, 1, Law("source: 测试\n", "")),
        new("law without version_date", DiagnosticCodes.RequiredFieldMissing, LawFile, 2, 1, Law("version_date: 2021-04-29\n", "")),
        new("law without article_count", DiagnosticCodes.RequiredFieldMissing, LawFile, 2, 1, Law("article_count: 70\n", "")),
        new("law with an empty issuer", DiagnosticCodes.RequiredFieldMissing, LawFile, 5, 9, Law("issuer: 测试机关", "issuer: \"\"")),
        new("law with effective: 明年八月", DiagnosticCodes.InvalidDate, LawFile, 10, 12, Law("---\n\n## 第一章", "effective: 明年八月\n---\n\n## 第一章")),
        new("law with version_date: 去年", DiagnosticCodes.InvalidDate, LawFile, 7, 15, Law("version_date: 2021-04-29", "version_date: 去年")),
        new("law with article_count: 七十", DiagnosticCodes.FieldWrongType, LawFile, 9, 16, Law("article_count: 70", "article_count: 七十")),
        new("law with issuer as a list", DiagnosticCodes.FieldWrongType, LawFile, 5, 9, Law("issuer: 测试机关", "issuer: [测试机关, 另一机关]")),
        new("law with document_number as a list", DiagnosticCodes.FieldWrongType, LawFile, 10, 18, Law("---\n\n## 第一章", "document_number: [一, 二]\n---\n\n## 第一章")),
        new("law with short_names as settings", DiagnosticCodes.FieldWrongType, LawFile, 4, 3, Law("short_names: [测试法]", "short_names:\n  简称: 测试法")),
        new("law with history as settings", DiagnosticCodes.FieldWrongType, LawFile, 11, 3, Law("---\n\n## 第一章", "history:\n  一: 二\n---\n\n## 第一章")),
        new("law with a Chinese file name and no slug", DiagnosticCodes.NonAsciiFileName, "laws/测试法.md", 1, 1, t => t
            .Write("laws/测试法.md", ContentTree.MiniLaw.Replace("slug: test-law\n", ""))),
        new("law with a bad slug", DiagnosticCodes.InvalidSlug, LawFile, 4, 1, Law("slug: test-law", "slug: Test Law")),

        new("self-check without title", DiagnosticCodes.RequiredFieldMissing, CheckFile, 2, 1, Check("title: 测试自查\n", "")),
        new("self-check without premises", DiagnosticCodes.RequiredFieldMissing, CheckFile, 2, 1, Check("premises: 小旅馆\n", "")),
        new("self-check with premises as a list", DiagnosticCodes.FieldWrongType, CheckFile, 3, 11, Check("premises: 小旅馆", "premises: [小旅馆, 民宿]")),
        new("self-check with audience as a list", DiagnosticCodes.FieldWrongType, CheckFile, 4, 11, Check("audience: 经营者", "audience: [经营者, 员工]")),
        new("self-check with minutes: 八", DiagnosticCodes.FieldWrongType, CheckFile, 5, 10, Check("minutes: 5", "minutes: 八")),
        new("self-check without reviewed", DiagnosticCodes.RequiredFieldMissing, CheckFile, 2, 1, Check("reviewed: 2026-11-28\n", "")),
        new("self-check with reviewed: 上周", DiagnosticCodes.InvalidDate, CheckFile, 6, 11, Check("reviewed: 2026-11-28", "reviewed: 上周")),
        new("self-check with classes as settings", DiagnosticCodes.FieldWrongType, CheckFile, 8, 3, Check("reviewed: 2026-11-28\n", "reviewed: 2026-11-28\nclasses:\n  甲: 乙\n")),
        new("self-check with an unknown class", DiagnosticCodes.PremisesClassUnknown, CheckFile, 7, 1, Check("reviewed: 2026-11-28\n", "reviewed: 2026-11-28\nclasses: [学校]\n")),
    };

    /// <summary>
    /// The cause of the bug, closed for every type: no value the stages hand on (a record, or any
    /// public property) holds a diagnostics bag, or a YAML reader that reports into one.
    /// </summary>
    [Fact]
    public void No_value_keeps_a_diagnostics_bag_or_a_yaml_reader()
    {
        static bool Reports(Type t) => t == typeof(PublicEdu.Generator.Diagnostics.DiagnosticBag) || t == typeof(PublicEdu.Generator.Content.YamlMap)
            || (t.IsGenericType && t.GetGenericArguments().Any(Reports)) || (t.HasElementType && Reports(t.GetElementType()!));
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var types = typeof(PublicEdu.Generator.Build.SiteBuilder).Assembly.GetTypes();
        var holders = types.SelectMany(t => t.GetProperties(all).Where(p => p.GetMethod?.IsPublic == true && Reports(p.PropertyType)).Select(p => $"{t.Name}.{p.Name}"))
            .Concat(types.Where(t => t.GetMethod("<Clone>$") is not null).SelectMany(t => t.GetFields(all).Where(f => Reports(f.FieldType)).Select(f => $"{t.Name}.{f.Name}")))
            .ToList();
        Assert.Empty(holders);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_key_is_checked_at_load_and_reported_on_its_own_file(Case c)
    {
        using var tree = new ContentTree();
        // The good site has the same kinds of page, so only the broken key differs.
        var good = c.File.StartsWith("laws/", StringComparison.Ordinal)
            ? tree.WithLaw().Write("guides/cites.md", ContentTree.Page("引用", "见《测试法》第三条。"))
            : tree.WithSelfCheck();
        var built = await tree.BuildAsync();
        Assert.True(built.Succeeded, built.Describe());
        var before = TempFolder.Snapshot(tree.OutputDir);
        if (c.File != LawFile && c.File.StartsWith("laws/", StringComparison.Ordinal)) File.Delete(Path.Combine(tree.ContentDir, LawFile));

        c.Arrange(tree);
        var result = await tree.BuildAsync();

        Assert.False(result.Written, result.Describe());
        Assert.Equal(before, TempFolder.Snapshot(tree.OutputDir));
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var error = Assert.Single(errors, d => d.Code == c.Code);
        Assert.EndsWith(c.File, error.Path.Replace('\\', '/'));
        Assert.Equal((c.Line, c.Column), (error.Line, error.Column));
        // Nothing else is blamed: no PE0301 on the citing page, no PE0404 on site.yml.
        Assert.All(errors, d => Assert.EndsWith(c.File, d.Path.Replace('\\', '/')));
    }
}
