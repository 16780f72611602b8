using System.Diagnostics;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Output;
using PublicEdu.Generator.Rendering;
using PublicEdu.Generator.Search;

namespace PublicEdu.Generator.Build;

/// <param name="OutputDir">Where the site goes; null only checks (publicedu check).</param>
/// <param name="ThemeFolder">The theme's wwwroot on disk; null uses the copy inside the theme assembly.</param>
public sealed record BuildOptions(
    string ContentDir,
    string? OutputDir,
    string? BasePath = null,
    string? ThemeFolder = null,
    RenderOptions? Render = null);

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    int ErrorCount,
    int WarningCount,
    int PageCount,
    bool Written,
    TimeSpan Elapsed,
    IReadOnlyList<(string Stage, TimeSpan Time)> Stages,
    IReadOnlyList<OutputFile> Files)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>
/// Runs the stages in order — load, resolve, render, check, write — each taking the previous
/// one's result. Problems are collected as diagnostics; only a build without errors is written.
/// </summary>
public static class SiteBuilder
{
    public static async Task<BuildResult> BuildAsync(BuildOptions options)
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

        BuildResult Finish(bool written, IReadOnlyList<OutputFile> files, int pages) =>
            new(diagnostics.Sorted(), diagnostics.ErrorCount, diagnostics.WarningCount, pages, written, total.Elapsed, stages, files);

        try
        {
            var content = ContentLoader.Load(options.ContentDir, diagnostics, options.BasePath);
            Mark("load");
            if (content is null) return Finish(false, [], 0);

            var resolved = SiteResolver.Resolve(content, diagnostics);
            Mark("resolve");

            // The index is built from the resolved content, before rendering, because every page
            // names the index folder (its content hash) in its header.
            var searchDocuments = SearchDocumentBuilder.Build(resolved);
            Mark("index:documents");
            var index = SearchIndex.Build(searchDocuments, SearchIndex.LawNamesOf(resolved.Laws));
            Mark("index:build");
            var (searchFolder, searchFiles) = index.Write();
            Mark("index:write");

            var theme = ThemeAssets.Load(options.ThemeFolder);
            var renderer = new SiteRenderer(resolved, theme, options.Render ?? new RenderOptions(), searchFolder);
            var pages = await renderer.RenderAsync();
            var files = pages.Concat(SiteFeeds.Write(content, pages, renderer.Canonical)).Concat(searchFiles)
                .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            Mark("render");

            LinkChecker.Check(files, resolved, content.Site.BasePath, diagnostics);
            Mark("check");

            var pageCount = files.Count(f => f.IsHtml);
            if (diagnostics.HasErrors || options.OutputDir is null) return Finish(false, files, pageCount);

            Write(options.OutputDir, files, diagnostics);
            Mark("write");
            return Finish(!diagnostics.HasErrors, files, pageCount);
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
