// Search benchmark: builds content/ and a generated corpus, then measures the index (build time,
// size) and, in Debian's Chromium, the bytes a query downloads and the query time once loaded.
//   dotnet run -c Release --project tests/PublicEdu.Bench -- [--pages 10000] [--no-browser]
using System.Diagnostics;
using Microsoft.Playwright;
using PublicEdu.Generator.Bench;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Serve;

var pages = args.SkipWhile(a => a != "--pages").Skip(1).Select(int.Parse).FirstOrDefault(10000);
var browser = !args.Contains("--no-browser");
var root = FindRoot();
string[] queries = ["灭火器", "电动车充电", "疏散通道", "消防法第六十条", "电瓶车 楼道", "民宿"];

var work = Path.Combine(Path.GetTempPath(), "publicedu-bench");
Directory.CreateDirectory(work);
var sites = new List<(string Name, string Content)> { ("content/", Path.Combine(root, "content")) };
if (pages > 0)
{
    var corpus = Path.Combine(work, $"corpus-{pages}");
    CorpusWriter.Write(corpus, pages, Path.Combine(root, "content"));
    sites.Add(($"corpus {pages}", Path.Combine(corpus, "content")));
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| site | pages | search docs | index build | index size | files | query | bytes fetched | query time (cached) |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
IPlaywright? playwright = browser ? await Playwright.CreateAsync() : null;
IBrowser? chromium = playwright is null ? null : await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

foreach (var (name, content) in sites)
{
    var output = Path.Combine(work, "site-" + name.Replace(' ', '-').TrimEnd('/'));
    var result = await SiteBuilder.BuildAsync(new BuildOptions(content, output, null, Path.Combine(root, "site-theme", "wwwroot")));
    if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    var indexTime = result.Stages.Where(s => s.Stage.StartsWith("index")).Sum(s => s.Time.TotalSeconds);
    var searchFiles = result.Files.Where(f => f.Path.StartsWith("search/") && f.Path.EndsWith(".json")).ToList();
    var documents = System.Text.Json.JsonDocument.Parse(searchFiles.Single(f => f.Path.EndsWith("manifest.json")).Content).RootElement.GetProperty("docs").GetInt32();
    var size = searchFiles.Sum(f => (long)f.Content.Length);
    var prefix = $"| {name} | {result.PageCount} | {documents} | {indexTime:0.00} s | {size / 1024.0 / 1024:0.00} MB | {searchFiles.Count} |";

    if (chromium is null)
    {
        Console.WriteLine(prefix + " – | – | – |");
        continue;
    }
    await using var host = await LoopbackHost.StartAsync(output, 0);
    foreach (var query in queries)
    {
        // A fresh context per query: an empty cache, as for a first-time visitor.
        var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "search/");
        long bytes = 0;
        page.Response += async (_, response) =>
        {
            if (response.Url.Contains("/search/") && response.Url.EndsWith(".json"))
                Interlocked.Add(ref bytes, (await response.BodyAsync()).Length);
        };
        var timings = await page.EvaluateAsync<double[]>("""
            async (q) => {
              const m = await import(new URL("../js/search.js", location.href).href);
              const first = performance.now();
              const ranked = await m.search(q);
              await m.documents(ranked.slice(0, 10).map(r => r[0]));
              const cold = performance.now() - first;
              const runs = [];
              for (let i = 0; i < 5; i++) {
                const t = performance.now();
                const r = await m.search(q);
                await m.documents(r.slice(0, 10).map(x => x[0]));
                runs.push(performance.now() - t);
              }
              runs.sort((a, b) => a - b);
              return [cold, runs[2]];
            }
            """, query);
        await Task.Delay(200);
        Console.WriteLine($"{prefix} {query} | {bytes / 1024.0:0.0} KB | {timings[1]:0.0} ms |");
        await context.CloseAsync();
    }
}
if (chromium is not null) await chromium.CloseAsync();
playwright?.Dispose();

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "PublicEdu.sln"))) return dir.FullName;
    throw new InvalidOperationException("PublicEdu.sln not found");
}
