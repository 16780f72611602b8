using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PublicEdu.Generator.Serve;

namespace PublicEdu.Generator.Bench;

/// <summary>
/// publicedu bench build: builds content/ and generated corpora in child processes, each measured
/// from start to exit, then edits files under a running preview server and times the rebuild.
/// Prints Markdown tables for the README.
/// </summary>
public static partial class BuildBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [GeneratedRegex(@"^\s+(?<name>[a-z]+)\s+(?<value>[0-9.]+) (?<unit>ms|MB)$", RegexOptions.Multiline)]
    private static partial Regex StatLine();

    public static async Task<int> RunAsync(string contentDir, string workDir, IReadOnlyList<int> sizes, TextWriter log)
    {
        Directory.CreateDirectory(workDir);
        // Serve mode edits files, so even content/ is measured on a copy.
        var copy = Path.Combine(workDir, "site", "content");
        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        CopyFolder(contentDir, copy);
        var sites = new List<(string Name, string Content)> { ("content/", copy) };
        foreach (var size in sizes)
        {
            var folder = Path.Combine(workDir, $"corpus-{size}");
            CorpusWriter.Write(folder, size, contentDir);
            sites.Add(($"{size:N0}-page corpus", Path.Combine(folder, "content")));
        }

        log.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        log.WriteLine();
        log.WriteLine("| site | pages | wall | CPU | load | resolve | render | check | index | write | peak memory | output |");
        log.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, content) in sites)
        {
            var output = Path.Combine(workDir, "out-" + Path.GetFileName(Path.GetDirectoryName(content)));
            var (exit, wall, stdout) = await RunBuildAsync(content, output);
            if (exit != 0)
            {
                log.WriteLine($"| {name} | build failed (exit {exit}) |");
                log.WriteLine(stdout);
                return 1;
            }
            var stats = StatLine().Matches(stdout).ToDictionary(m => m.Groups["name"].Value, m => double.Parse(m.Groups["value"].Value, Invariant));
            string Ms(string stage) => stats.TryGetValue(stage, out var ms) ? Seconds(ms) : "–";
            var files = new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            var pages = files.Count(f => f.Name.EndsWith(".html", StringComparison.Ordinal));
            log.WriteLine($"| {name} | {pages:N0} | {wall.TotalSeconds:0.0} s | {Ms("cpu")} | {Ms("load")} | {Ms("resolve")} | {Ms("render")} | {Ms("check")} | {Ms("index")} | {Ms("write")} " +
                $"| {stats.GetValueOrDefault("peak"):N0} MB | {files.Sum(f => f.Length) / 1024.0 / 1024:0.0} MB in {files.Count:N0} files |");
        }

        log.WriteLine();
        log.WriteLine("Serve mode, after the first build: one file saved, then timed to the reload event the browser gets (this includes the 50 ms the server waits for a burst of saves to settle) and to the end of the rebuild (the search index is redone after the reload).");
        log.WriteLine();
        log.WriteLine("Each cell is the median of three saves, with the range.");
        log.WriteLine();
        log.WriteLine("| site | edit | save → reload event | rebuild → reload event | whole rebuild | pages rendered |");
        log.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, content) in sites)
            await MeasureServeAsync(name, content, Path.Combine(workDir, "preview"), log);
        return 0;
    }

    private static string Seconds(double ms) => (ms / 1000).ToString("0.00", Invariant) + " s";

    /// <summary>Runs `publicedu build --stats` as its own process: the same thing an author runs.</summary>
    private static async Task<(int Exit, TimeSpan Wall, string Stdout)> RunBuildAsync(string content, string output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        // Under `dotnet publicedu.dll` the process is dotnet and the program is an argument.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(BuildBenchmark).Assembly.Location);
        foreach (var arg in new[] { "build", "--content", content, "--out", output, "--stats" }) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, clock.Elapsed, await stdout + await stderr);
    }

    private static async Task MeasureServeAsync(string name, string content, string output, TextWriter log)
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        await using var server = new PreviewServer(content, output, null, TextWriter.Null);
        var baseUrl = await server.StartAsync(0);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var events = new StreamReader(await http.GetStreamAsync(baseUrl + "__publicedu/events"));

        var guide = Directory.EnumerateFiles(Path.Combine(content, "guides"), "*.md").Order(StringComparer.Ordinal).First();
        var selfCheck = Directory.EnumerateFiles(Path.Combine(content, "selfchecks"), "*.md").Order(StringComparer.Ordinal).First();
        var law = Path.Combine(content, "laws", "fire-protection-law.md");
        // Each edit is made three times (toggled back and forth where it replaces text); the
        // first rebuild after the full build also pays for compiling the incremental code paths.
        var edits = new (string Label, string File, Func<string, int, string> Change)[]
        {
            ("guide: a sentence added", guide, (text, i) => text + $"\n营业前请再检查一遍疏散通道（第{i + 1}次提醒）。\n"),
            ("self-check: a fix reworded", selfCheck, (text, i) => i % 2 == 0 ? ReplaceFirst(text, "  整改：", "  整改：请") : ReplaceFirst(text, "  整改：请", "  整改：")),
            ("law: a 解读 reworded", law, (text, i) => i % 2 == 0
                ? ReplaceFirst(text, "违反这一条的处罚见本法第六十条。", "违反这一条的，处罚见本法第六十条。")
                : ReplaceFirst(text, "违反这一条的，处罚见本法第六十条。", "违反这一条的处罚见本法第六十条。")),
        };
        foreach (var (label, file, change) in edits)
        {
            var runs = new List<(double ToReload, double RebuildToReload, double Whole, int Rendered, int Pages)>();
            for (var i = 0; i < 3; i++)
            {
                var before = server.BuildCount;
                var saved = Stopwatch.StartNew();
                await File.WriteAllTextAsync(file, change(await File.ReadAllTextAsync(file), i));
                await WaitForReloadAsync(events);
                var toReload = saved.Elapsed;
                while (server.BuildCount == before) await Task.Delay(5);
                var result = server.LastResult!;
                runs.Add((toReload.TotalMilliseconds, server.LastReloadAfter.TotalMilliseconds, result.Elapsed.TotalMilliseconds, result.Rendered, result.PageCount));
            }
            string Spread(Func<(double, double, double, int, int), double> pick)
            {
                var values = runs.Select(r => pick(r)).Order().ToList();
                return $"{values[1]:0} ms ({values[0]:0}–{values[2]:0})";
            }
            log.WriteLine($"| {name} | {label} | {Spread(r => r.Item1)} | {Spread(r => r.Item2)} | {Spread(r => r.Item3)} | {runs[^1].Rendered:N0} of {runs[^1].Pages:N0} |");
        }
    }

    private static async Task WaitForReloadAsync(StreamReader events)
    {
        while (await events.ReadLineAsync() is { } line)
            if (line == "event: reload") return;
        throw new InvalidOperationException("the preview server closed its event stream");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return at < 0 ? text + "\n" : text[..at] + to + text[(at + from.Length)..];
    }
}
