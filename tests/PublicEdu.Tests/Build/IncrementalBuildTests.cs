using PublicEdu.Generator.Build;
using PublicEdu.Generator.Rendering;
using PublicEdu.Generator.Search;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Build;

/// <summary>
/// Serve mode rebuilds from the last build's state. Whatever it reuses, the site on disk must be
/// byte for byte the site a full build of the same files gives, with the same diagnostics.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private string Content => _folder.Combine("content");
    private string Theme => _folder.Combine("theme");
    private string Output => _folder.Combine("_preview");

    public IncrementalBuildTests()
    {
        TempFolder.CopyDirectory(RepoPaths.Content, Content);
        TempFolder.CopyDirectory(RepoPaths.ThemeWwwroot, Theme);
    }

    public void Dispose() => _folder.Dispose();

    private BuildOptions Options(string output) => new(Content, output, null, Theme, new RenderOptions(LiveReload: true));

    private async Task<BuildState> FirstBuildAsync()
    {
        var first = await SiteBuilder.BuildAsync(Options(Output));
        Assert.True(first.Succeeded, first.Describe());
        Assert.False(first.Incremental);
        return first.State!;
    }

    /// <summary>Rebuilds from <paramref name="state"/>, then checks it against a full build of the same files.</summary>
    private Task<BuildResult> RebuildAndCompareAsync(BuildState state, params string[] changed) =>
        RebuildAndCompareAsync(state, Changes(complete: false, changed));

    private FileChanges Changes(bool complete, params string[] changed) =>
        new(changed.Select(c => Path.Combine(Content, c)).ToHashSet(), complete);

    private async Task<BuildResult> RebuildAndCompareAsync(BuildState state, FileChanges changes)
    {
        var incremental = await SiteBuilder.BuildAsync(Options(Output), state, changes);
        var fullOutput = _folder.Combine("_full-" + Guid.NewGuid().ToString("N")[..6]);
        var full = await SiteBuilder.BuildAsync(Options(fullOutput));

        Assert.True(full.Succeeded, full.Describe());
        Assert.Equal(full.Describe(), incremental.Describe());
        var expected = TempFolder.Snapshot(fullOutput);
        var actual = TempFolder.Snapshot(Output);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        var different = expected.Where(e => actual[e.Key] != e.Value).Select(e => e.Key).ToList();
        Assert.True(different.Count == 0, "differs from a full build: " + string.Join(", ", different));
        Assert.Equal(Directory.EnumerateDirectories(fullOutput, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(fullOutput, d)).Order(),
            Directory.EnumerateDirectories(Output, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(Output, d)).Order());
        return incremental;
    }

    private void Edit(string relative, string from, string to)
    {
        var path = Path.Combine(Content, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Fact]
    public async Task Editing_a_guide_rerenders_it_and_the_pages_that_list_it()
    {
        var state = await FirstBuildAsync();
        Edit("guides/e-bike-charging.md", "title: 电动自行车停放充电", "title: 电动自行车停放和充电");
        Edit("guides/e-bike-charging.md", "到安全的地方充电。", "到安全的地方充电，不在室内过夜充电。");

        var result = await RebuildAndCompareAsync(state, "guides/e-bike-charging.md");
        Assert.True(result.Incremental);
        Assert.Contains("电动自行车停放和充电", File.ReadAllText(Path.Combine(Output, "guides/e-bike-charging/index.html")));
        // The guide, the guide list, the home page and the law pages whose backlinks show its title.
        Assert.InRange(result.Rendered, 3, 8);
    }

    [Fact]
    public async Task Editing_a_law_article_updates_the_law_page_and_every_preview_of_that_article()
    {
        var state = await FirstBuildAsync();
        Edit("laws/fire-protection-law.md", "违反这一条的处罚见本法第六十条。", "违反这一条的处罚见本法第六十条，情节严重的还可能被责令停产停业。");

        var result = await RebuildAndCompareAsync(state);
        Assert.True(result.Incremental);
        Assert.InRange(result.Rendered, 1, result.PageCount / 2);
    }

    [Fact]
    public async Task Editing_statute_text_updates_previews_on_citing_pages()
    {
        var state = await FirstBuildAsync();
        var lawText = File.ReadAllText(Path.Combine(Content, "laws/fire-protection-law.md"));
        var article = lawText[lawText.IndexOf("### 第六十条", StringComparison.Ordinal)..];
        var firstLine = article.Split('\n').Skip(1).First(l => l.Trim().Length > 0);
        Edit("laws/fire-protection-law.md", firstLine, firstLine.Replace("单位违反本法规定", "单位违反本法的规定"));

        var result = await RebuildAndCompareAsync(state, "laws/fire-protection-law.md");
        Assert.True(result.Incremental);
        // Every guide previewing 第六十条 shows the new wording.
        Assert.Contains("单位违反本法的规定", File.ReadAllText(Path.Combine(Output, "guides/keep-escape-routes-clear/index.html")));
    }

    [Fact]
    public async Task Removing_a_cited_article_from_a_digest_resolves_the_citing_pages_again()
    {
        var state = await FirstBuildAsync();
        var path = Path.Combine(Content, "laws/fire-protection-law.md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("### 第六十一条", StringComparison.Ordinal);
        var end = text.IndexOf("### ", start + 4, StringComparison.Ordinal);
        File.WriteAllText(path, text[..start] + text[end..]);

        // Citations of 第六十一条 now point at the law page and warn that the digest lacks it (PE0302),
        // exactly as in a full build.
        var result = await RebuildAndCompareAsync(state, "laws/fire-protection-law.md");
        Assert.True(result.Incremental);
        Assert.Contains(result.WithCode(PublicEdu.Generator.Diagnostics.DiagnosticCodes.CitationNotDigested), d => d.Path.Contains("guides"));
    }

    [Fact]
    public async Task Editing_a_questionnaire_rerenders_only_that_self_check()
    {
        var state = await FirstBuildAsync();
        Edit("selfchecks/small-hotel.md", "挂在前台并讲给每位员工听。", "挂在前台，并逐条讲给每位员工听。");

        var result = await RebuildAndCompareAsync(state, "selfchecks/small-hotel.md");
        Assert.True(result.Incremental);
        Assert.Equal(1, result.Rendered);
        Assert.Contains("逐条讲给每位员工听", File.ReadAllText(Path.Combine(Output, "selfchecks/small-hotel/index.html")));
    }

    [Fact]
    public async Task Editing_the_hazard_catalogue_or_the_exemption_rules_updates_every_questionnaire_that_uses_them()
    {
        var state = await FirstBuildAsync();
        // The first hazard of a catalogue file, retitled: every questionnaire naming it carries the title in its data.
        var path = Path.Combine(Content, "hazards/evacuation.md");
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.StartsWith("::: hazard ", StringComparison.Ordinal));
        var id = lines[at]["::: hazard ".Length..].Trim();
        Edit("hazards/evacuation.md", lines[at + 1], lines[at + 1] + "（已改写）");

        var result = await RebuildAndCompareAsync(state, "hazards/evacuation.md");
        Assert.True(result.Succeeded, result.Describe());
        var pages = Directory.EnumerateFiles(Path.Combine(Output, "selfchecks"), "hazards.json", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Where(html => html.Contains($"\"{id}\":", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, html => Assert.Contains(lines[at + 1] + "（已改写）", html));

        Edit("exemptions.yml", "reviewed: 2026-12-02", "reviewed: 2026-12-03");
        result = await RebuildAndCompareAsync(result.State!, "exemptions.yml");
        Assert.Contains("2026-12-03", File.ReadAllText(Path.Combine(Output, "selfchecks/small-hotel/hazards.json")));
    }

    [Fact]
    public async Task Editing_the_theme_css_rerenders_every_page_with_the_new_version()
    {
        var state = await FirstBuildAsync();
        var css = Path.Combine(Theme, "css", "site.css");
        File.AppendAllText(css, "\n.print-only { display: none; }\n");

        var result = await RebuildAndCompareAsync(state);
        Assert.True(result.Incremental);
        Assert.Equal(result.PageCount, result.Rendered);
        // No search document changed, so the index files are the last build's, not rebuilt.
        Assert.Same(state.Files[SearchIndex.ManifestPath].Content, result.State!.Files[SearchIndex.ManifestPath].Content);
    }

    [Fact]
    public async Task When_newer_saves_wait_the_index_is_left_for_the_next_build()
    {
        var state = await FirstBuildAsync();
        var manifest = File.ReadAllBytes(Path.Combine(Output, SearchIndex.ManifestPath));
        Edit("guides/e-bike-charging.md", "到安全的地方充电。", "到安全的地方充电，不在室内过夜充电。");

        var waiting = await SiteBuilder.BuildAsync(Options(Output), state, Changes(complete: true, "guides/e-bike-charging.md"), supersede: () => true);
        Assert.True(waiting.Succeeded && waiting.SearchDeferred);
        Assert.Contains("不在室内过夜充电", File.ReadAllText(Path.Combine(Output, "guides/e-bike-charging/index.html")));
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(Output, SearchIndex.ManifestPath)));

        // The next build, with nothing new saved, brings the index up to date: the site is a full build's.
        var next = await RebuildAndCompareAsync(waiting.State!, Changes(complete: true));
        Assert.False(next.SearchDeferred);
        Assert.NotEqual(manifest, File.ReadAllBytes(Path.Combine(Output, SearchIndex.ManifestPath)));
    }

    [Fact]
    public async Task Adding_and_removing_pages_and_failed_builds_in_between_still_match_a_full_build()
    {
        var state = await FirstBuildAsync();
        File.WriteAllText(Path.Combine(Content, "guides/new-guide.md"),
            ContentTree.Page("新指引", "依照《消防法》第十六条，单位应当落实消防安全责任制。\n\n## 第一步\n\n查看 [自查](/selfchecks/small-hotel/)。", "date: 2026-11-28\n"));
        var added = await RebuildAndCompareAsync(state, "guides/new-guide.md");
        Assert.True(added.Succeeded, added.Describe());

        // A broken edit fails and keeps the last good site; the next good build compares with that one.
        Edit("guides/new-guide.md", "第十六条", "第九百条");
        var broken = await SiteBuilder.BuildAsync(Options(Output), added.State, FileChanges.None);
        Assert.False(broken.Succeeded);
        Assert.Null(broken.State);
        Edit("guides/new-guide.md", "第九百条", "第十七条");
        var fixedAgain = await RebuildAndCompareAsync(added.State!);

        File.Delete(Path.Combine(Content, "guides/new-guide.md"));
        await RebuildAndCompareAsync(fixedAgain.State!);
    }

    [Fact]
    public async Task An_unchanged_page_linking_to_a_renamed_heading_is_reported_as_a_full_build_would()
    {
        var state = await FirstBuildAsync();
        File.WriteAllText(Path.Combine(Content, "guides/see-also.md"),
            ContentTree.Page("延伸阅读", "先看[为什么要特别小心](/guides/e-bike-charging/#为什么要特别小心)。", "date: 2026-11-28\n"));
        state = (await RebuildAndCompareAsync(state, "guides/see-also.md")).State!;

        Edit("guides/e-bike-charging.md", "## 为什么要特别小心", "## 为什么要格外小心");
        var incremental = await SiteBuilder.BuildAsync(Options(Output), state, Changes(complete: true, "guides/e-bike-charging.md"));
        var full = await SiteBuilder.BuildAsync(Options(_folder.Combine("_full")));

        Assert.Equal(full.Describe(), incremental.Describe());
        Assert.Single(incremental.WithCode(PublicEdu.Generator.Diagnostics.DiagnosticCodes.BrokenFragment), d => d.Path.EndsWith("see-also.md"));
        // Only the edited guide was rendered; the unchanged page's link was still checked against it.
        Assert.Equal(1, incremental.Rendered);
    }

    [Fact]
    public async Task A_complete_watcher_report_is_trusted_instead_of_walking_the_folder()
    {
        var state = await FirstBuildAsync();
        Edit("guides/e-bike-charging.md", "到安全的地方充电。", "到安全的地方充电，不在室内过夜充电。");
        Edit("selfchecks/small-hotel.md", "挂在前台并讲给每位员工听。", "挂在前台，并逐条讲给每位员工听。");
        state = (await RebuildAndCompareAsync(state, Changes(complete: true, "guides/e-bike-charging.md", "selfchecks/small-hotel.md"))).State!;

        // A file the report does not name is, by the watcher's word, not there: the folder is not walked.
        File.WriteAllText(Path.Combine(Content, "guides/unreported.md"), ContentTree.Page("未报告", "正文。"));
        Edit("guides/e-bike-charging.md", "不在室内过夜充电。", "不在室内、楼道过夜充电。");
        var trusted = await SiteBuilder.BuildAsync(Options(Output), state, Changes(complete: true, "guides/e-bike-charging.md"));
        Assert.True(trusted.Succeeded, trusted.Describe());
        Assert.DoesNotContain(trusted.Files, f => f.Path.StartsWith("guides/unreported/", StringComparison.Ordinal));

        // Once the new file is named, or the report is incomplete, the folder is walked and the result is a full build's.
        await RebuildAndCompareAsync(trusted.State!, Changes(complete: true, "guides/unreported.md"));
    }

    [Fact]
    public async Task A_preview_folder_that_cannot_be_updated_is_reported_as_PE0004()
    {
        var state = await FirstBuildAsync();
        // A file where the guide's folder should be makes the in-place write fail.
        var folder = Path.Combine(Output, "guides", "e-bike-charging");
        Directory.Delete(folder, recursive: true);
        File.WriteAllText(folder, "not a folder");
        Edit("guides/e-bike-charging.md", "到安全的地方充电。", "到安全的地方充电，不在室内过夜充电。");

        var failed = await SiteBuilder.BuildAsync(Options(Output), state, Changes(complete: true, "guides/e-bike-charging.md"));
        var error = Assert.Single(failed.WithCode(PublicEdu.Generator.Diagnostics.DiagnosticCodes.OutputFailed));
        Assert.EndsWith("_preview", error.Path);
        Assert.Contains("下一次生成会完整重写", error.Message);
        Assert.Empty(failed.WithCode(PublicEdu.Generator.Diagnostics.DiagnosticCodes.InternalError));
        Assert.False(failed.Succeeded);
        Assert.Null(failed.State);
    }

    [Fact]
    public async Task Successive_edits_each_match_a_full_build()
    {
        var state = await FirstBuildAsync();
        Edit("articles/extinguisher-basics.md", "灭火器", "手提式灭火器");
        state = (await RebuildAndCompareAsync(state)).State!;
        Edit("articles/extinguisher-basics.md", "手提式灭火器", "灭火器");
        state = (await RebuildAndCompareAsync(state)).State!;
        File.WriteAllText(Path.Combine(Content, "site.yml"), File.ReadAllText(Path.Combine(Content, "site.yml")).Replace("title:", "title: 新", StringComparison.Ordinal));
        var reset = await RebuildAndCompareAsync(state);
        Assert.Equal(reset.PageCount, reset.Rendered);
    }
}
