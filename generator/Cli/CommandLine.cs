using System.CommandLine;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Rendering;
using PublicEdu.Generator.Serve;

namespace PublicEdu.Generator.Cli;

/// <summary>The publicedu command: build, serve, check and new.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;

        var content = new Option<string>("--content", "-c") { Description = "内容文件夹（包含 site.yml）", DefaultValueFactory = _ => "content" };
        var output = new Option<string>("--out", "-o") { Description = "输出文件夹", DefaultValueFactory = _ => "_site" };
        var basePath = new Option<string?>("--base-path") { Description = "网站部署在子路径下时填写，例如 /publicedu/（覆盖 site.yml 的 base_path）" };
        var fileLinks = new Option<bool>("--file-links") { Description = "链接以 index.html 结尾，便于直接双击打开本地文件浏览" };
        var port = new Option<int>("--port", "-p") { Description = "预览服务器端口", DefaultValueFactory = _ => 5080 };
        // Preview pages carry the reload script, so they never go where `build` puts the real site.
        var previewOutput = new Option<string>("--out", "-o") { Description = "预览用的输出文件夹（不要上传它；上线请用 build）", DefaultValueFactory = _ => "_preview" };

        var stats = new Option<bool>("--stats") { Description = "打印各阶段用时（开发用）" };
        var build = new Command("build", "生成网站：读取内容文件夹，写出静态网站") { content, output, basePath, fileLinks, stats };
        build.SetAction(async (parse, _) =>
        {
            var contentDir = parse.GetValue(content)!;
            var result = await SiteBuilder.BuildAsync(new BuildOptions(contentDir, parse.GetValue(output)!, parse.GetValue(basePath),
                ThemeAssets.FindSourceFolder(contentDir), new RenderOptions(IndexFileLinks: parse.GetValue(fileLinks))));
            if (parse.GetValue(stats)) PrintStats(result);
            return Report(result, parse.GetValue(output)!);
        });

        var check = new Command("check", "只检查内容、不写文件：列出所有错误和警告，有错误时返回 1") { content, basePath };
        check.SetAction(async (parse, _) =>
        {
            var contentDir = parse.GetValue(content)!;
            var result = await SiteBuilder.BuildAsync(new BuildOptions(contentDir, null, parse.GetValue(basePath), ThemeAssets.FindSourceFolder(contentDir)));
            return Report(result, null);
        });

        var serve = new Command("serve", "生成网站并在 127.0.0.1 上预览；修改内容后自动重新生成并刷新浏览器") { content, previewOutput, port };
        serve.SetAction(async (parse, cancellation) =>
        {
            var contentDir = parse.GetValue(content)!;
            await using var server = new PreviewServer(contentDir, parse.GetValue(previewOutput)!, ThemeAssets.FindSourceFolder(contentDir), Console.Out);
            var url = await server.StartAsync(parse.GetValue(port));
            Console.WriteLine($"预览地址：{url}  （按 Ctrl+C 停止）");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, server.Stopping);
            try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
            Console.WriteLine("预览已停止。");
            return 0;
        });

        var kind = new Argument<string>("type") { Description = "page（普通页面）、guide（指引）或 article（文章）" };
        kind.AcceptOnlyFromAmong("page", "guide", "article");
        var slug = new Argument<string>("slug") { Description = "网址名，只用小写字母、数字和连字符，例如 keep-exits-clear" };
        var title = new Option<string?>("--title", "-t") { Description = "页面标题" };
        var scaffold = new Command("new", "新建一个带 front matter 的 Markdown 文件") { kind, slug, title, content };
        scaffold.SetAction(parse => Scaffold.Create(parse.GetValue(content)!, parse.GetValue(kind)!, parse.GetValue(slug)!,
            parse.GetValue(title), DateOnly.FromDateTime(DateTime.Now), Console.Out, Console.Error));

        var pages = new Option<int>("--pages") { Description = "页面数", DefaultValueFactory = _ => 1000 };
        var corpusOut = new Option<string>("--out", "-o") { Description = "写到哪个文件夹（其中的 content/ 会被替换）", Required = true };
        var corpus = new Command("corpus", "生成用于基准测试的示例站点") { pages, corpusOut, content };
        corpus.SetAction(parse =>
        {
            Bench.CorpusWriter.Write(parse.GetValue(corpusOut)!, parse.GetValue(pages), parse.GetValue(content)!);
            Console.WriteLine($"已写入 {parse.GetValue(pages)} 个页面到 {Path.Combine(parse.GetValue(corpusOut)!, "content")}");
            return 0;
        });
        var sizes = new Option<int[]>("--pages") { Description = "示例站点的页面数", DefaultValueFactory = _ => [1000, 10000], AllowMultipleArgumentsPerToken = true };
        var work = new Option<string>("--work") { Description = "放示例站点和输出的文件夹", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "publicedu-bench") };
        var buildBench = new Command("build", "完整构建 content/ 和示例站点并计时，再计时预览模式下改一个文件后的重新生成") { sizes, work, content };
        buildBench.SetAction(async (parse, _) =>
            await Bench.BuildBenchmark.RunAsync(parse.GetValue(content)!, parse.GetValue(work)!, parse.GetValue(sizes)!, Console.Out));
        // For developers measuring the generator; not part of the author's workflow.
        var bench = new Command("bench", "基准测试工具（开发用）") { corpus, buildBench };
        bench.Hidden = true;

        var root = new RootCommand("PublicEdu：把 Markdown 写的消防普法内容生成静态网站") { build, serve, check, scaffold, bench };
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Time per stage, CPU time and peak memory of this whole process, for `bench build` to read.</summary>
    private static void PrintStats(BuildResult result)
    {
        foreach (var (stage, time) in result.Stages)
            Console.WriteLine($"  {stage,-8} {time.TotalMilliseconds,8:0} ms");
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"  {"cpu",-8} {self.TotalProcessorTime.TotalMilliseconds,8:0} ms");
        Console.WriteLine($"  {"peak",-8} {self.PeakWorkingSet64 / 1024 / 1024,8} MB");
    }

    private static int Report(BuildResult result, string? outputDir)
    {
        foreach (var diagnostic in result.Diagnostics) Console.WriteLine(diagnostic);
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var counts = $"{result.ErrorCount} 个错误，{result.WarningCount} 个警告，用时 {seconds} 秒";
        if (!result.Succeeded)
        {
            Console.WriteLine(outputDir is null
                ? $"检查未通过：{counts}。"
                : $"构建失败：{counts}。上一次生成的网站保持不变。");
            return 1;
        }
        Console.WriteLine(outputDir is null
            ? $"检查通过：{result.PageCount} 个页面，{counts}。"
            : $"构建完成：{result.PageCount} 个页面写入 {outputDir}，{counts}。");
        return 0;
    }
}
