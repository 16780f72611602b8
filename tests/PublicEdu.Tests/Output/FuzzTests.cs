using AngleSharp.Html.Parser;
using CsCheck;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Output;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Output;

/// <summary>
/// Random pages, front matter and questionnaires, stitched from fragments authors really write
/// (and get wrong), through the whole pipeline. The build never throws, never hangs, and when it
/// succeeds every internal link in its output resolves. FUZZ_ITERATIONS sets the number of cases
/// (the long run in the README uses 100000).
/// </summary>
public class FuzzTests
{
    private static readonly string[] Fragments =
    [
        "正文段落，说明消防要求。", "## 安全疏散", "### 小节", "# 一级标题", "- 列表项", "1. 第一步", "> 引用", "| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |",
        "《测试法》第二条", "《测试法》第二条第一款第三项", "测试法第60条", "《测试法》第一条至第三条", "《测试法》第九十九条", "《不存在法》第一条",
        "第十十条", "本法第一条", "[链接](/guides/a/)", "[坏链接](/nowhere/)", "[脚本](javascript:alert(1))", "[上级](../../../x)", "[锚点](#安全疏散)",
        "::: 解读\n内容", ":::", "::: 案例", "::: 乱写", "：：：提示", "<script>alert(1)</script>", "<b>粗</b>", "**粗体**", "`代码`", "```\n代码块\n```",
        "[^1]\n\n[^1]: 脚注", "- [ ] 任务", "\t缩进", "\r\n", "　全角空格", "\u200b", "😀", "&amp;", "{隐患}", "第", "条",
    ];

    private static readonly string[] FrontMatters =
    [
        "---\ntitle: 标题\n---\n", "---\ntitle: 标题\nslug: a-b\n---\n", "---\ntitle: [\n---\n", "---\ntitle：标题\n---\n", "---\nsummary: 无标题\n---\n",
        "---\ntitle: 标题\ndate: 2026-13-40\n---\n", "---\ntitle: 标题\ntags: [甲，乙]\n---\n", "", "---\ntitle: 标题\n", "---\ntitle: \"引号\n---\n",
    ];

    private static readonly Gen<string> Page =
        Gen.Select(Gen.Int[0, FrontMatters.Length - 1], Gen.Int[0, Fragments.Length - 1].Array[0, 12], Gen.Bool,
            (fm, parts, blankLines) => FrontMatters[fm] + "\n" + string.Join(blankLines ? "\n\n" : "\n", parts.Select(i => Fragments[i])) + "\n");

    private static readonly Gen<string> SelfCheck =
        Gen.Select(Gen.Int[0, 6].Array[1, 5], Gen.Bool, (edits, condition) =>
        {
            var text = ContentTree.MiniSelfCheck;
            foreach (var edit in edits)
            {
                text = edit switch
                {
                    0 => text.Replace("{合规}", ""),
                    1 => text.Replace("  整改：立即清理。\n", ""),
                    2 => text.Replace("::: question gas", "::: question exits-clear"),
                    3 => text.Replace("if=gas:瓶装液化气", condition ? "if=nope:x" : "if=gas:不存在"),
                    4 => text.Replace("等级：较大隐患", "等级：很大"),
                    5 => text.Replace(":::\n\n::: question gas", "\n::: question gas"),
                    _ => text.Replace("免罚：不适用：可能构成重大火灾隐患", "免罚：可能适用"),
                };
            }
            return text;
        });

    /// <summary>
    /// Cases run in parallel, one per core, so the fuzzing does not hold up the rest of
    /// <c>dotnet test</c>; each build awaits (never blocks a pool thread), and "hung" is judged
    /// generously because the other tests share the cores.
    /// </summary>
    [Fact]
    public async Task Random_content_never_crashes_the_build_and_successful_builds_have_no_broken_links()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n) ? n : 300;
        await Gen.Select(Page.Array[1, 4], SelfCheck, Gen.Bool).SampleAsync(async (pages, selfCheck, withSelfCheck) =>
        {
            using var tree = new ContentTree().WithLaw();
            for (var i = 0; i < pages.Length; i++) tree.Write($"guides/p{i}.md", pages[i]);
            if (withSelfCheck) tree.WithSelfCheck(selfCheck);
            BuildResult result;
            try
            {
                result = await tree.BuildAsync(write: false).WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("build hung on:\n" + string.Join("\n----\n", pages));
            }
            if (result.Diagnostics.Any(d => d.Code == DiagnosticCodes.InternalError))
                throw new InvalidOperationException(result.Describe() + "\n----\n" + string.Join("\n----\n", pages));
            if (!result.Succeeded) return;
            var paths = result.Files.Select(f => f.Path).ToHashSet();
            foreach (var file in result.Files.Where(f => f.IsHtml))
            {
                var doc = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
                foreach (var element in doc.QuerySelectorAll("[href], [src]"))
                {
                    var target = LinkChecker.Resolve(file.Path, element.GetAttribute("href") ?? element.GetAttribute("src")!, "/");
                    if (target is { } t && !paths.Contains(t.Path))
                        throw new InvalidOperationException($"{file.Path}: broken {element.OuterHtml} in a build that succeeded");
                }
            }
        }, iter: iterations, threads: Environment.ProcessorCount);
    }
}
