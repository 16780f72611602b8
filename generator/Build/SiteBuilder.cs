using System.Diagnostics;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Output;
using PublicEdu.Generator.Rendering;
using PublicEdu.Generator.Search;
using PublicEdu.Generator.Resolve;
using PublicEdu.Generator.Load;

namespace PublicEdu.Generator.Build;

/// <param name="OutputDir">Where the site goes; null only checks (publicedu check).</param>
/// <param name="ThemeFolder">The theme's wwwroot on disk; null uses the copy inside the theme assembly.</param>
public sealed record BuildOptions(
    string ContentDir,
    string? OutputDir,
    string? BasePath = null,
    string? ThemeFolder = null,
    RenderOptions? Render = null);

/// <param name="Rendered">How many pages were rendered; an incremental build renders only those whose inputs changed.</param>
/// <param name="State">What the next serve rebuild can reuse; null unless the build succeeded and was written.</param>
/// <param name="SearchDeferred">Newer saves were waiting, so the search index was left as it was for the next build to redo.</param>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    int ErrorCount,
    int WarningCount,
    int PageCount,
    bool Written,
    TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Time)> Stages,
    IReadOnlyList<OutputFile> Files,
    int Rendered = 0,
    bool Incremental = false,
    BuildState? State = null,
    bool SearchDeferred = false)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>
/// Runs the stages in order — load, resolve, render, check, index, write — each taking the
/// previous one's result. Problems are collected as diagnostics; only a build without errors is
/// written. Given the last build's state (serve mode), every stage reuses what did not change:
/// the same code runs for a full and an incremental build, so both give the same bytes.
/// </summary>
public static class SiteBuilder
{
    /// <param name="previous">The last successful build's state; null builds from nothing.</param>
    /// <param name="changes">What the watcher reported since that build: those files are read again whatever their time stamps say.</param>
    /// <param name="pagesWritten">Called in an incremental build once pages are on disk, before the search index is redone.</param>
    /// <param name="supersede">Asked in an incremental build before the index is redone: true when newer saves wait, so the index can wait too.</param>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, BuildState? previous = null,
        FileChanges? changes = null, Func<Task>? pagesWritten = null, Func<bool>? supersede = null)
    {
        var total = Stopwatch.StartNew();
        var stages = new List<(string, TimeSpan)>();
        var diagnostics = new DiagnosticBag();
        var stage = Stopwatch.StartNew();

        void Mark(string name)
        {
            stages.Add((name, stage.Elapsed));
            stage.Restart();
        }

        BuildResult Finish(bool written, IReadOnlyList<OutputFile> files, int pages, int rendered = 0, BuildState? state = null) =>
            new(diagnostics.Sorted(), diagnostics.ErrorCount, diagnostics.WarningCount, pages, written, total.Elapsed, stages, files,
                rendered, previous is not null, state);

        try
        {
            // A state from other options, or for an output folder that has since gone, cannot be updated in place.
            if (previous is not null && (previous.Options != options || options.OutputDir is null || !Directory.Exists(options.OutputDir)))
                previous = null;
            var loaded = LoadAndResolve(options, previous, changes ?? FileChanges.None, Mark);
            previous = loaded.Previous;
            foreach (var diagnostic in loaded.Diagnostics) diagnostics.Add(diagnostic);
            if (loaded.Site is not { } resolved) return Finish(false, [], 0);
            var content = resolved.Content;

            var render = options.Render ?? new RenderOptions();
            var themeProblems = new DiagnosticBag();
            var theme = ThemeAssets.Load(options.ThemeFolder, previous?.Theme, render.IndexFileLinks, themeProblems);
            foreach (var problem in themeProblems.Sorted()) diagnostics.Add(problem);
            // Pages would only add a broken-link error per script on top of the theme's own.
            if (themeProblems.HasErrors) return Finish(false, [], 0);
            var renderer = new SiteRenderer(resolved, theme, render);
            var pages = await renderer.RenderAsync(previous?.Files, previous?.RenderStamp ?? default);
            var files = pages.Concat(SiteFeeds.Write(content, pages, renderer.Canonical)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            Mark("render");

            var scans = LinkChecker.Check(files, resolved, content.Site.BasePath, diagnostics, previous?.Scans);
            var synonyms = Synonyms.Load(options.ContentDir, diagnostics);
            Mark("check");

            var pageCount = files.Count(f => f.IsHtml);
            // `check` writes no index, but still reports synonyms that can find nothing (PE0603).
            if (!diagnostics.HasErrors && options.OutputDir is null) synonyms!.WarnAboutUnusedWords(SearchDocumentBuilder.Build(resolved), diagnostics);
            if (diagnostics.HasErrors || options.OutputDir is null) return Finish(false, files, pageCount, renderer.RenderedCount);

            var onDisk = previous?.Files.ToDictionary(StringComparer.Ordinal);
            if (onDisk is not null)
            {
                // The page being edited reloads as soon as it is written; the index, which every
                // page feeds, follows. Pages name only its fixed-address manifest, so they stay valid.
                if (!Sync(options.OutputDir, files, onDisk, removeOthers: false, diagnostics)) return Finish(false, files, pageCount, renderer.RenderedCount);
                foreach (var file in files) onDisk[file.Path] = file;
                Mark("write");
                if (pagesWritten is not null) await pagesWritten();
            }

            var terms = previous?.Terms ?? new TermCounter();
            var (searchFiles, searchDocuments, deferred) = Index(resolved, previous, terms, supersede, synonyms!, diagnostics);
            files = files.Concat(searchFiles).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            Mark("index");

            if (onDisk is not null) Sync(options.OutputDir, files, onDisk, removeOthers: true, diagnostics);
            else Write(options.OutputDir, files, diagnostics);
            Mark("write");
            if (diagnostics.HasErrors) return Finish(false, files, pageCount, renderer.RenderedCount);

            var state = new BuildState(options, resolved, theme, renderer.Stamp, files.ToDictionary(f => f.Path, StringComparer.Ordinal), scans,
                searchDocuments, terms, searchFiles);
            return Finish(true, files, pageCount, renderer.RenderedCount, state) with { SearchDeferred = deferred };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours must still end as a diagnostic and leave the last good site in place.
            var root = ex is AggregateException { InnerExceptions.Count: > 0 } many ? many.InnerExceptions[0] : ex;
            while (root.InnerException is not null) root = root.InnerException;
            diagnostics.Error(options.ContentDir, 0, 0, DiagnosticCodes.InternalError,
                $"构建时发生内部错误：{root.GetType().Name}: {root.Message}。这是生成器的问题，请把这条信息报告给开发人员。");
            if (Environment.GetEnvironmentVariable("PUBLICEDU_DEBUG") == "1") Console.Error.WriteLine(ex);
            return Finish(false, [], 0);
        }
    }

    /// <summary>What Load and Resolve give: their result and what they reported, as a list (a bag would stay writable).</summary>
    private sealed record Loaded(ResolvedSite? Site, BuildState? Previous, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// Load and Resolve, reusing the last build's pages where that gives the same result. When it
    /// cannot — pages added, removed or moved, site.yml or a law's names changed — the previous
    /// state is dropped and both stages run from nothing; when a law gained or lost articles, 款
    /// or 项, the pages citing it are read again.
    /// </summary>
    private static Loaded LoadAndResolve(BuildOptions options, BuildState? previous, FileChanges changes, Action<string> mark)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.Load(options.ContentDir, diagnostics, options.BasePath,
            previous?.Reusable(changes, new HashSet<string>()), previous?.KnownFiles(changes));
        if (content is null) return new Loaded(null, null, diagnostics.Sorted());
        if (previous is not null && !previous.SameShape(content)) return LoadAndResolve(options, null, changes, mark);
        mark("load");

        var resolved = SiteResolver.Resolve(content, diagnostics, previous?.Site);
        if (previous is not null && !previous.SameLawNames(resolved.Laws)) return LoadAndResolve(options, null, changes, mark);
        if (previous?.ReshapedLaws(resolved.Laws) is { Count: > 0 } reshaped)
        {
            diagnostics = new DiagnosticBag();
            content = ContentLoader.Load(options.ContentDir, diagnostics, options.BasePath, previous.Reusable(changes, reshaped), previous.KnownFiles(changes));
            resolved = content is null ? null : SiteResolver.Resolve(content, diagnostics, previous.Site);
        }
        mark("resolve");
        return new Loaded(resolved, previous, diagnostics.Sorted());
    }

    /// <summary>
    /// The search index's files. In serve mode the last index is kept when no document changed,
    /// and also, for the next build to redo, when <paramref name="supersede"/> says newer saves wait.
    /// </summary>
    private static (IReadOnlyList<OutputFile> Files, SearchDocuments Documents, bool Deferred) Index(
        ResolvedSite resolved, BuildState? previous, TermCounter terms, Func<bool>? supersede, Synonyms synonyms, DiagnosticBag diagnostics)
    {
        var documents = SearchDocumentBuilder.Build(resolved, previous?.SearchDocuments) with { Synonyms = synonyms };
        synonyms.WarnAboutUnusedWords(documents.All, diagnostics);
        IReadOnlyList<OutputFile> Write() => SearchIndex.Build(documents.All, SearchIndex.LawNamesOf(resolved.Laws), terms, synonyms).Write();
        if (previous is null) return (Write(), documents, false);
        // Nothing the index holds has changed (a theme edit, a change only to links).
        if (documents.All.SequenceEqual(previous.SearchDocuments.All, ReferenceEqualityComparer.Instance)
            && (previous.SearchDocuments.Synonyms?.Groups.Select(g => g.Encoded) ?? []).SequenceEqual(synonyms.Groups.Select(g => g.Encoded)))
            return (previous.SearchFiles, documents, false);
        // The next build starts from this state's documents, which are still the last index's, and redoes it.
        if (supersede?.Invoke() == true) return (previous.SearchFiles, previous.SearchDocuments, true);
        return (Write(), documents, false);
    }

    /// <summary>Serve mode's in-place write; false, with PE0004, when the preview folder cannot be written.</summary>
    private static bool Sync(string outputDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, OutputFile> onDisk, bool removeOthers,
        DiagnosticBag diagnostics)
    {
        try
        {
            OutputSync.Apply(outputDir, files, onDisk, removeOthers);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DisplayPath.For(outputDir), 0, 0, DiagnosticCodes.OutputFailed,
                $"无法写入预览文件夹：{ex.Message}。预览可能只更新了一部分，下一次生成会完整重写它。请检查磁盘空间和文件夹权限，然后再保存一次文件。");
            return false;
        }
    }

    private static void Write(string outputDir, IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics)
    {
        OutputStaging? staging = null;
        try
        {
            staging = new OutputStaging(outputDir);
            foreach (var file in files) staging.Write(file);
            staging.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            staging?.Abort();
            diagnostics.Error(DisplayPath.For(outputDir), 0, 0, DiagnosticCodes.OutputFailed,
                $"无法写入输出文件夹：{ex.Message}。上一次成功生成的网站保持不变。请检查磁盘空间和文件夹权限。");
        }
    }
}
