using System.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Output;

/// <summary>The publicedu command as an author runs it: exit codes, output, and the last good site.</summary>
public class CliTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDir, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "publicedu.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }


    [Fact]
    public async Task Broken_front_matter_exits_1_names_the_place_and_keeps_the_previous_site()
    {
        using var tree = new ContentTree();
        tree.Write("guides/exits.md", ContentTree.Page("通道", "保持畅通。"));
        var (ok, okOutput) = await RunAsync(tree.Root, "build");
        Assert.True(ok == 0, okOutput);
        var before = TempFolder.Snapshot(tree.OutputDir);

        tree.Write("guides/exits.md", "---\ntitle: 通道\nsummary: \"没有闭合\n---\n\n保持畅通。\n");
        var (code, output) = await RunAsync(tree.Root, "build");

        Assert.Equal(1, code);
        Assert.Matches(@"content/guides/exits\.md\(3,\d+\): error PE0101: ", output);
        Assert.Contains("构建失败：1 个错误", output);
        Assert.Equal(before, TempFolder.Snapshot(tree.OutputDir));
        Assert.Empty(Directory.GetDirectories(tree.Root, "._site.tmp-*"));
    }

    /// <summary>The four cases of issue 13, as an author meets them: each fails on its own file, and only there.</summary>
    [Theory]
    [InlineData("laws/test-law.md", "issuer: 测试机关\n", "", @"content/laws/test-law\.md\(2,1\): error PE0102: 缺少必填项“issuer”")]
    [InlineData("laws/test-law.md", "source: 测试\n", "source: 测试\neffective: 明年八月\n", @"content/laws/test-law\.md\(9,12\): error PE0108: “effective”的日期“明年八月”无法识别")]
    [InlineData("selfchecks/test-check.md", "reviewed: 2026-11-28", "reviewed: 上周", @"content/selfchecks/test-check\.md\(6,11\): error PE0108: “reviewed”的日期“上周”无法识别")]
    [InlineData("selfchecks/test-check.md", "minutes: 5", "minutes: 八", @"content/selfchecks/test-check\.md\(5,10\): error PE0103: “minutes”应是一个整数")]
    [InlineData("selfchecks/test-check.md", "premises: 小旅馆\n", "", @"content/selfchecks/test-check\.md\(2,1\): error PE0102: 缺少必填项“premises”")]
    public async Task Law_and_questionnaire_front_matter_errors_exit_1_on_their_own_file(string file, string from, string to, string expected)
    {
        using var tree = new ContentTree();
        tree.WithSelfCheck().Write("guides/cites.md", ContentTree.Page("引用", "见《测试法》第三条。"));
        var (ok, okOutput) = await RunAsync(tree.Root, "build");
        Assert.True(ok == 0, okOutput);
        var before = TempFolder.Snapshot(tree.OutputDir);

        var path = Path.Combine(tree.ContentDir, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
        var (code, output) = await RunAsync(tree.Root, "build");

        Assert.Equal(1, code);
        Assert.Matches(expected, output);
        Assert.Contains("构建失败：1 个错误", output);
        Assert.Equal(before, TempFolder.Snapshot(tree.OutputDir));
    }

    [Fact]
    public async Task Serve_answers_until_ctrl_c_then_stops_cleanly()
    {
        using var tree = new ContentTree();
        tree.Write("guides/exits.md", ContentTree.Page("通道", "保持畅通。"));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = tree.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "publicedu.dll"), "serve", "--port", "0" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string? url = null;
            while (url is null && await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
                if (line.StartsWith("预览地址：", StringComparison.Ordinal)) url = line["预览地址：".Length..].Split(' ')[0];
            Assert.NotNull(url);
            using var http = new HttpClient();
            Assert.Contains("保持畅通", await http.GetStringAsync(url + "guides/exits/"));

            // What Ctrl+C sends.
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(process.ExitCode == 0, rest + await stderr);
            Assert.Contains("预览已停止。", rest);
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(url));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// The build is killed at twenty different moments while it replaces a site. Every time, _site
    /// is exactly the old site or exactly the new one; never a mix, never missing. The moments
    /// are spread over the time a whole build takes and beyond it, so some runs must end on the
    /// old site and some on the new one: a build that never got to swap would pass otherwise.
    /// </summary>
    [Fact]
    public async Task Killing_the_build_never_leaves_a_half_written_site()
    {
        using var tree = new ContentTree();
        for (var i = 0; i < 60; i++) tree.Write($"guides/g{i}.md", ContentTree.Page($"指引{i}", string.Concat(Enumerable.Repeat($"第{i}篇的内容。", 200))));
        Assert.Equal(0, (await RunAsync(tree.Root, "build", "--out", "_old")).ExitCode);
        tree.Write("guides/g0.md", ContentTree.Page("指引0", "改过的内容。"));
        var whole = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, (await RunAsync(tree.Root, "build", "--out", "_new")).ExitCode);
        var buildTime = whole.Elapsed;
        var oldSite = TempFolder.Snapshot(Path.Combine(tree.Root, "_old"));
        var newSite = TempFolder.Snapshot(Path.Combine(tree.Root, "_new"));
        Assert.NotEqual(oldSite, newSite);

        var outcomes = new List<string>();
        for (var run = 0; run < 20; run++)
        {
            if (Directory.Exists(tree.OutputDir)) Directory.Delete(tree.OutputDir, recursive: true);
            TempFolder.CopyDirectory(Path.Combine(tree.Root, "_old"), tree.OutputDir);
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = tree.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "publicedu.dll"));
            start.ArgumentList.Add("build");
            using var process = Process.Start(start)!;
            // From a twentieth of a build to twice one: the last runs outlast the build and end on the new site.
            await Task.Delay(buildTime * (0.05 + 1.95 * run / 19));
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
            var now = TempFolder.Snapshot(tree.OutputDir);
            var same = now.Count == oldSite.Count && !now.Except(oldSite).Any() ? "old" : now.Count == newSite.Count && !now.Except(newSite).Any() ? "new" : null;
            Assert.True(same is not null, $"run {run}: _site is neither the old nor the new site ({now.Count} files)");
            outcomes.Add(same!);
        }
        // The delays span the build, so both outcomes occur; otherwise the test proved nothing.
        Assert.Contains("old", outcomes);
        Assert.Contains("new", outcomes);
    }

    [Fact]
    public async Task Files_from_earlier_builds_do_not_linger()
    {
        using var tree = new ContentTree();
        tree.Write("guides/old.md", ContentTree.Page("旧", "旧内容。"));
        Assert.Equal(0, (await RunAsync(tree.Root, "build")).ExitCode);
        Assert.True(File.Exists(Path.Combine(tree.OutputDir, "guides/old/index.html")));
        File.Delete(Path.Combine(tree.ContentDir, "guides/old.md"));
        tree.Write("guides/new.md", ContentTree.Page("新", "新内容。"));
        Assert.Equal(0, (await RunAsync(tree.Root, "build")).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(tree.OutputDir, "guides/old")));
        Assert.True(File.Exists(Path.Combine(tree.OutputDir, "guides/new/index.html")));
    }

    [Fact]
    public async Task Check_writes_nothing_and_reports_every_problem_with_a_summary()
    {
        using var tree = new ContentTree();
        tree.Write("guides/a.md", "---\ntitle: [\n---\n").Write("guides/b.md", ContentTree.Page("b", "[x](javascript:alert(1))"));
        var (code, output) = await RunAsync(tree.Root, "check");
        Assert.Equal(1, code);
        Assert.Contains("error PE0101", output);
        Assert.Contains("error PE0402", output);
        Assert.Matches(@"检查未通过：2 个错误，0 个警告，用时 \d+\.\d\d 秒", output);
        Assert.False(Directory.Exists(tree.OutputDir));
    }

    [Fact]
    public async Task New_scaffolds_a_page_that_builds()
    {
        using var tree = new ContentTree();
        var (code, output) = await RunAsync(tree.Root, "new", "guide", "fire-doors", "--title", "防火门: 常闭");
        Assert.True(code == 0, output);
        var text = File.ReadAllText(Path.Combine(tree.ContentDir, "guides/fire-doors.md"));
        Assert.Contains("title: \"防火门: 常闭\"", text);
        var (buildCode, buildOutput) = await RunAsync(tree.Root, "build");
        Assert.True(buildCode == 0, buildOutput);
        Assert.Contains("防火门: 常闭", File.ReadAllText(Path.Combine(tree.OutputDir, "guides/fire-doors/index.html")));
        // A second scaffold with the same name must not overwrite the author's work.
        Assert.Equal(1, (await RunAsync(tree.Root, "new", "guide", "fire-doors")).ExitCode);
        Assert.Equal(1, (await RunAsync(tree.Root, "new", "guide", "防火门")).ExitCode);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("build", "--help")]
    [InlineData("serve", "--help")]
    [InlineData("check", "--help")]
    [InlineData("new", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        using var folder = new TempFolder();
        var (code, output) = await RunAsync(folder.Path, args);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output);
    }
}
