using System.Text;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Rendering;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Rendering;

/// <summary>
/// The classic copies of theme modules that file-links builds load from disk: what each supported
/// form becomes, and each form the converter refuses reported as PE0008 where it is written.
/// </summary>
public class ClassicScriptConverterTests
{
    private static readonly HashSet<string> Modules = ["x.js", "y.js", "m.js"];

    private static (ClassicModule? Module, IReadOnlyList<Diagnostic> Diagnostics) Convert(string source, string name = "m.js")
    {
        var diagnostics = new DiagnosticBag();
        var module = ClassicScriptConverter.Convert(name, source, Modules, "js/" + name, diagnostics);
        return (module, diagnostics.Sorted());
    }

    private static ClassicModule Converted(string source)
    {
        var (module, diagnostics) = Convert(source);
        Assert.Empty(diagnostics);
        return Assert.IsType<ClassicModule>(module);
    }

    [Fact]
    public void Named_imports_become_destructured_parameters_and_exports_getters()
    {
        var module = Converted("""
            import { a, b as c } from "./x.js";
            import "./y.js";
            export function f() { return a + c; }
            export async function g() {}
            export const k = 1;
            export let m;
            export class C {}
            """);
        Assert.Equal("""
            "use strict";
            PublicEduModules.define("m.js", ["x.js", "y.js"], async function (__import, { a, b: c }, {}) {


            function f() { return a + c; }
            async function g() {}
            const k = 1;
            let m;
            class C {}
            return { get f() { return f; }, get g() { return g; }, get k() { return k; }, get m() { return m; }, get C() { return C; } };
            });

            """.Replace("\r\n", "\n"), module.Text);
        Assert.Equal(["x.js", "y.js"], module.Imports.Select(i => i.Module));
    }

    [Fact]
    public void A_dynamic_import_becomes_a_loader_call_and_top_level_await_stays_possible()
    {
        var module = Converted("""
            const { f } = await import("./x.js");
            export async function later() {
              const { g } = await import('./y.js');
              return g;
            }
            """);
        Assert.Contains("const { f } = await __import(\"x.js\");", module.Text);
        Assert.Contains("const { g } = await __import(\"y.js\");", module.Text);
        // The factory is async, so an await at the top level waits as it does in a module.
        Assert.Contains("[], async function (__import) {", module.Text);
        Assert.Equal([("x.js", true, 1, 21), ("y.js", true, 3, 23)], module.Imports.Select(i => (i.Module, i.Dynamic, i.Line, i.Column)));
    }

    [Fact]
    public void Import_and_export_inside_strings_comments_templates_regexes_and_properties_are_left_alone()
    {
        const string body = """
            const s = "export default 1"; // import * as x from "./x.js";
            /* export { s }; */
            const t = `import.meta ${"export *"} ${`${'import("a")'}`}`;
            const r = /export default|import\(/g.test(s) ? 1 / 2 : 3;
            const o = { import: 1, export: 2 };
            o.import("x"); o?.export;
            class K { import(x) { return x; } }
            """;
        var module = Converted(body);
        Assert.Contains(body.Replace("\r\n", "\n"), module.Text);
        Assert.Empty(module.Imports);
    }

    public sealed record Refused(string Name, string Source, int Line, int Column, string Says)
    {
        public override string ToString() => Name;
    }

    public static readonly TheoryData<Refused> RefusedForms = new()
    {
        new("export default", "const a = 1;\nexport default function f() {}\n", 2, 1, "export default"),
        new("export list", "function a() {}\n  export { a };\n", 2, 3, "export { … }"),
        new("re-export list", "export { a } from \"./x.js\";\n", 1, 1, "export { … }"),
        new("export star", "export * from \"./x.js\";\n", 1, 1, "export *"),
        new("import star", "import * as x from \"./x.js\";\n", 1, 1, "import * as"),
        new("default import", "import x from \"./x.js\";\n", 1, 1, "默认导入"),
        new("import of default", "import { a, default as b } from \"./x.js\";\n", 1, 13, "default"),
        new("import.meta", "const here = import.meta.url;\n", 1, 14, "import.meta"),
        new("import() of a variable", "const name = \"./x.js\";\nawait import(name);\n", 2, 7, "import()"),
        new("import from another site", "import { a } from \"https://cdn.example.test/a.js\";\n", 1, 19, "./文件名.js"),
        new("import from a subfolder", "import { a } from \"./lib/a.js\";\n", 1, 19, "./文件名.js"),
        new("import of a missing module", "import { a } from \"./missing.js\";\n", 1, 19, "missing.js"),
        new("import attributes", "import \"./x.js\" with { type: \"json\" };\n", 1, 17, "导入属性"),
        new("import inside a block", "if (ok) {\n  import { a } from \"./x.js\";\n}\n", 2, 3, "最外层"),
        new("destructured export", "export const { a, b } = o;\n", 1, 14, "解构"),
        new("two names in one export", "export const a = f(1, 2), b = [3, 4];\n", 1, 25, "一个名字"),
        new("the reserved name", "const __import = 1;\n", 1, 7, "__import"),
        new("unknown export", "export import x;\n", 1, 1, "export"),
        new("unterminated string", "const a = 1;\r\nconst s = \"abc;\r\n", 2, 11, "字符串没有结束"),
        new("unterminated template", "const t = `abc ${x}\n", 1, 11, "模板字符串"),
        new("unbalanced bracket", "function f() {\n  return 1);\n}\n", 2, 11, "开括号"),
    };

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public void Each_unsupported_form_is_PE0008_at_its_line_and_column(Refused form)
    {
        var (module, diagnostics) = Convert(form.Source);
        Assert.Null(module);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ThemeScriptUnsupported, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("js/m.js", diagnostic.Path);
        Assert.Equal((form.Line, form.Column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(form.Says, diagnostic.Message);
        // Each message says what to write instead, not only what is wrong.
        Assert.Matches("请|只支持|只能", diagnostic.Message);
    }

    [Fact]
    public void Modules_importing_each_other_in_a_circle_are_refused()
    {
        var diagnostics = new DiagnosticBag();
        var sources = new List<(string, byte[])>
        {
            ("js/x.js", Encoding.UTF8.GetBytes("import { b } from \"./y.js\";\nexport function a() { return b(); }\n")),
            ("js/y.js", Encoding.UTF8.GetBytes("// y\nimport { a } from \"./x.js\";\nexport function b() { return 1; }\n")),
        };
        ClassicScripts.Convert(sources, p => p, diagnostics);
        var circle = Assert.Single(diagnostics.Sorted());
        Assert.Equal((DiagnosticCodes.ThemeScriptUnsupported, "js/y.js", 2, 1), (circle.Code, circle.Path, circle.Line, circle.Column));
        Assert.Contains("x.js → y.js → x.js", circle.Message);
    }

    [Fact]
    public void Every_theme_module_converts()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.ThemeWwwroot, "js"))
            .Select(f => ("js/" + Path.GetFileName(f), File.ReadAllBytes(f))).OrderBy(s => s.Item1, StringComparer.Ordinal).ToList();
        var diagnostics = new DiagnosticBag();
        var converted = ClassicScripts.Convert(sources, p => p, diagnostics);
        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(sources.Where(s => s.Item1.EndsWith(".js")).Select(s => s.Item1.Replace("js/", "js/classic/")), converted.Select(c => c.Path));
    }

    [Fact]
    public async Task A_theme_module_the_converter_refuses_fails_a_file_links_build_and_leaves_the_last_site()
    {
        using var tree = new ContentTree();
        tree.Write("about.md", ContentTree.Page("关于", "正文。"));
        var theme = Path.Combine(tree.Root, "theme");
        TempFolder.CopyDirectory(RepoPaths.ThemeWwwroot, theme);
        var options = new BuildOptions(tree.ContentDir, tree.OutputDir, null, theme, new RenderOptions(IndexFileLinks: true));
        Assert.True((await SiteBuilder.BuildAsync(options)).Succeeded);
        var before = TempFolder.Snapshot(tree.OutputDir);

        File.AppendAllText(Path.Combine(theme, "js", "exemption.js"), "\nexport default assess;\n");
        var result = await SiteBuilder.BuildAsync(options);

        Assert.False(result.Written);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.ThemeScriptUnsupported, error.Code);
        Assert.EndsWith("theme/js/exemption.js", error.Path);
        Assert.Equal(File.ReadAllLines(Path.Combine(theme, "js", "exemption.js")).Length, error.Line);
        Assert.Equal(before, TempFolder.Snapshot(tree.OutputDir));
        // A build for a web server does not use the classic copies, so the same theme still builds.
        Assert.True((await SiteBuilder.BuildAsync(options with { Render = new RenderOptions() })).Succeeded);
    }

    [Fact]
    public async Task An_http_build_keeps_module_scripts_and_does_not_depend_on_js_classic()
    {
        using var folder = new TempFolder();
        var theme = folder.Combine("theme");
        TempFolder.CopyDirectory(RepoPaths.ThemeWwwroot, theme);
        var original = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, folder.Combine("a"), null, RepoPaths.ThemeWwwroot));
        File.AppendAllText(Path.Combine(theme, "js", "classic", "module-loader.js"), "\nwindow.changed = true;\n");
        var changed = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, folder.Combine("b"), null, theme));
        Assert.True(original.Succeeded && changed.Succeeded);

        Assert.Equal(TempFolder.Snapshot(folder.Combine("a")), TempFolder.Snapshot(folder.Combine("b")));
        Assert.DoesNotContain(original.Files, f => f.Path.StartsWith("js/classic/", StringComparison.Ordinal));
        var page = original.Html("selfchecks/small-shop-restaurant/index.html");
        Assert.Contains("<script type=\"module\" src=\"../../js/site.js?v=", page);
        Assert.Contains("<script type=\"module\" src=\"../../js/selfcheck.js?v=", page);
        Assert.DoesNotContain("defer", page);
    }

    [Fact]
    public async Task A_file_links_build_loads_the_loader_then_classic_copies()
    {
        var result = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, null, null, RepoPaths.ThemeWwwroot, new RenderOptions(IndexFileLinks: true)));
        Assert.True(result.Succeeded, result.Describe());
        var page = result.Html("selfchecks/small-shop-restaurant/index.html");
        Assert.DoesNotContain("type=\"module\"", page);
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, "<script defer src=\"../../(?<src>[^\"?]+)\\?v=").Select(m => m.Groups["src"].Value);
        Assert.Equal(["js/classic/module-loader.js", "js/classic/site.js", "js/classic/citations.js", "js/classic/selfcheck.js"], scripts);
        // The same budget as for pages served over the web: at most 30 KB of JavaScript, uncompressed.
        Assert.True(scripts.Sum(s => result.Files.Single(f => f.Path == s).Content.Length) <= 30 * 1024);
        var selfcheck = Encoding.UTF8.GetString(result.Files.Single(f => f.Path == "js/classic/selfcheck.js").Content);
        Assert.Contains("__import(\"selfcheck-result.js\")", selfcheck);
        Assert.DoesNotContain("import(\"./", selfcheck);
        Assert.Contains("action=\"index.html\"", result.Html("search/index.html"));
    }
}
