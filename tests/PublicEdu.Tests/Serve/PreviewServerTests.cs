using System.Net;
using PublicEdu.Generator.Serve;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Serve;

public class PreviewServerTests
{
    /// <summary>
    /// How fast is for the bench (README, Performance) to say; here the order matters: by the
    /// time the reload event arrives, the new page is on disk. The timeout only stops a hang.
    /// </summary>
    [Fact]
    public async Task A_saved_change_is_on_disk_when_the_reload_event_arrives()
    {
        using var tree = new ContentTree();
        tree.Write("guides/exits.md", ContentTree.Page("通道", "第一版内容。"));
        await using var server = new PreviewServer(tree.ContentDir, tree.OutputDir, RepoPaths.ThemeWwwroot, TextWriter.Null);
        var baseUrl = await server.StartAsync(0);
        Assert.StartsWith("http://127.0.0.1:", baseUrl);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var page = await http.GetStringAsync("guides/exits/");
        Assert.Contains("第一版内容", page);
        Assert.Contains("js/livereload.js", page);

        using var reader = await SubscribeAsync(http);

        tree.Write("guides/exits.md", ContentTree.Page("通道", "第二版内容。"));
        await ReadEventAsync(reader, "reload").WaitAsync(Hang);
        Assert.Contains("第二版内容", await http.GetStringAsync("guides/exits/"));
    }

    /// <summary>Long enough that only a hang reaches it, on a shared machine under a full test run.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_rebuild_after_one_edit_renders_only_that_page_and_recovers_after_an_error()
    {
        using var tree = new ContentTree();
        tree.WithSelfCheck();
        tree.Write("guides/exits.md", ContentTree.Page("通道", "依照《测试法》第二条，保持通道畅通。"));
        tree.Write("guides/lights.md", ContentTree.Page("照明", "应急照明要完好。"));
        await using var server = new PreviewServer(tree.ContentDir, tree.OutputDir, RepoPaths.ThemeWwwroot, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(await server.StartAsync(0)) };
        using var reader = await SubscribeAsync(http);
        Assert.False(server.LastResult!.Incremental);

        tree.Write("selfchecks/test-check.md", ContentTree.MiniSelfCheck.Replace("> 怎么判断：走一遍。", "> 怎么判断：从最远的房间走一遍。"));
        await ReadEventAsync(reader, "reload").WaitAsync(Hang);
        await server.Idle.WaitAsync(Hang);
        Assert.True(server.LastResult!.Incremental);
        // One page of the site, or none if the watcher reported the save twice and this is the second build.
        Assert.InRange(server.LastResult.Rendered, 0, 1);
        Assert.True(server.LastResult.PageCount > 5);
        Assert.Contains("从最远的房间走一遍", await http.GetStringAsync("selfchecks/test-check/"));

        // A failed build is not kept; the next one starts from the last good build and still sees both edits.
        tree.Write("guides/lights.md", "---\ntitle: [\n---\n");
        await ReadEventAsync(reader, "build-error").WaitAsync(Hang);
        tree.Write("guides/lights.md", ContentTree.Page("照明", "应急照明要完好，每月试验一次。"));
        await ReadEventAsync(reader, "reload").WaitAsync(Hang);
        await server.Idle.WaitAsync(Hang);
        Assert.True(server.LastResult!.Incremental);
        Assert.Contains("每月试验一次", await http.GetStringAsync("guides/lights/"));
    }

    [Fact]
    public async Task After_the_preview_folder_could_not_be_written_the_next_build_rewrites_it_whole()
    {
        using var tree = new ContentTree();
        tree.Write("guides/exits.md", ContentTree.Page("通道", "第一版。"));
        await using var server = new PreviewServer(tree.ContentDir, tree.OutputDir, RepoPaths.ThemeWwwroot, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(await server.StartAsync(0)) };
        using var reader = await SubscribeAsync(http);

        var folder = Path.Combine(tree.OutputDir, "guides", "exits");
        Directory.Delete(folder, recursive: true);
        File.WriteAllText(folder, "not a folder");
        tree.Write("guides/exits.md", ContentTree.Page("通道", "第二版。"));
        Assert.Contains("PE0004", await ReadEventAsync(reader, "build-error").WaitAsync(Hang));

        File.Delete(folder);
        tree.Write("guides/exits.md", ContentTree.Page("通道", "第三版。"));
        await ReadEventAsync(reader, "reload").WaitAsync(Hang);
        // A full build sends its reload after recording its result; a second build for the same save would start later.
        Assert.False(server.LastResult!.Incremental);
        Assert.Contains("第三版", await http.GetStringAsync("guides/exits/"));
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_serving_the_last_good_site_and_reports_the_error()
    {
        using var tree = new ContentTree();
        tree.Write("guides/exits.md", ContentTree.Page("通道", "好的内容。"));
        await using var server = new PreviewServer(tree.ContentDir, tree.OutputDir, RepoPaths.ThemeWwwroot, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(await server.StartAsync(0)) };
        using var reader = await SubscribeAsync(http);

        tree.Write("guides/exits.md", "---\ntitle: [\n---\n");
        var data = await ReadEventAsync(reader, "build-error").WaitAsync(Hang);
        Assert.Contains("PE0101", data);
        Assert.Contains("好的内容", await http.GetStringAsync("guides/exits/"));
    }

    [Fact]
    public async Task A_hundred_saves_in_a_second_are_coalesced_and_the_last_one_wins()
    {
        using var tree = new ContentTree();
        tree.Write("guides/exits.md", ContentTree.Page("通道", "版本 0。"));
        await using var server = new PreviewServer(tree.ContentDir, tree.OutputDir, RepoPaths.ThemeWwwroot, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(await server.StartAsync(0)) };
        using var reader = await SubscribeAsync(http);
        var before = server.BuildCount;
        for (var i = 1; i <= 100; i++)
        {
            tree.Write("guides/exits.md", ContentTree.Page("通道", $"版本 {i}。"));
            await Task.Delay(8);
        }
        // Each build ends in a reload; the last save's build is the one after which the page says 版本 100.
        while (!(await http.GetStringAsync("guides/exits/")).Contains("版本 100。"))
            await ReadEventAsync(reader, "reload").WaitAsync(Hang);
        await server.Idle.WaitAsync(Hang);
        var builds = server.BuildCount - before;
        Assert.InRange(builds, 1, 10);
        Assert.True(server.LastResult!.Succeeded);
    }

    [Fact]
    public async Task Before_any_build_succeeds_the_preview_says_what_to_do()
    {
        using var tree = new ContentTree();
        tree.Write("guides/exits.md", "---\ntitle: [\n---\n");
        await using var server = new PreviewServer(tree.ContentDir, tree.OutputDir, RepoPaths.ThemeWwwroot, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(await server.StartAsync(0)) };
        var response = await http.GetAsync("");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("请查看终端里的错误信息", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/../site.yml")]
    [InlineData("/%2e%2e/site.yml")]
    [InlineData("/guides/%2E%2E/%2E%2E/content/site.yml")]
    [InlineData("/..%2fcontent%2fsite.yml")]
    public void Paths_outside_the_site_are_refused(string path)
    {
        using var folder = new TempFolder();
        Assert.Null(StaticFileResponder.Map(folder.Path, path));
    }

    [Fact]
    public async Task Unknown_pages_get_the_404_page_with_status_404()
    {
        using var tree = new ContentTree();
        await using var server = new PreviewServer(tree.ContentDir, tree.OutputDir, RepoPaths.ThemeWwwroot, TextWriter.Null);
        using var http = new HttpClient { BaseAddress = new Uri(await server.StartAsync(0)) };
        var response = await http.GetAsync("no/such/page/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到这个页面", await response.Content.ReadAsStringAsync());
        // Kestrel removes dot segments before we see the path; either way nothing outside is served.
        var traversal = await http.GetAsync("/%2e%2e/%2e%2e/etc/passwd");
        Assert.NotEqual(HttpStatusCode.OK, traversal.StatusCode);
        Assert.DoesNotContain("root:", await traversal.Content.ReadAsStringAsync());
    }

    private static async Task<StreamReader> SubscribeAsync(HttpClient http)
    {
        var reader = new StreamReader(await http.GetStreamAsync("__publicedu/events"));
        Assert.Equal(": connected", await reader.ReadLineAsync());
        return reader;
    }

    private static async Task<string> ReadEventAsync(StreamReader reader, string name)
    {
        string? current = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) current = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Add(line[6..]);
            else if (line.Length == 0 && current is not null)
            {
                if (current == name) return string.Join("\n", data);
                current = null;
                data.Clear();
            }
        }
        throw new EndOfStreamException();
    }
}
