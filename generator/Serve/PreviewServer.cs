using PublicEdu.Generator.Build;
using PublicEdu.Generator.Rendering;

namespace PublicEdu.Generator.Serve;

/// <summary>
/// publicedu serve: builds, serves the output on 127.0.0.1 with Kestrel, rebuilds when content or
/// the theme's files change, and tells open pages to reload through server-sent events.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    private readonly string _contentDir;
    private readonly string _outputDir;
    private readonly string? _themeFolder;
    private readonly TextWriter _log;
    private readonly ReloadBroadcaster _broadcaster = new();
    private readonly RebuildScheduler _scheduler;
    private readonly List<FileSystemWatcher> _watchers = [];
    private LoopbackHost? _host;
    private BuildState? _state;
    private volatile bool _missedChanges;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);

    public PreviewServer(string contentDir, string outputDir, string? themeFolder, TextWriter log)
    {
        _contentDir = Path.GetFullPath(contentDir);
        _outputDir = Path.GetFullPath(outputDir);
        _themeFolder = themeFolder;
        _log = log;
        _scheduler = new RebuildScheduler(RebuildAsync, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>Completes when every change seen so far has been built, successfully or not.</summary>
    public Task Idle => _scheduler.Idle;

    /// <summary>The number of finished rebuilds, for tests and the console.</summary>
    public int BuildCount { get; private set; }

    public BuildResult? LastResult { get; private set; }

    /// <summary>From the start of the last rebuild to its reload event.</summary>
    public TimeSpan LastReloadAfter { get; private set; }

    /// <summary>Cancelled when the server stops (Ctrl+C included).</summary>
    public CancellationToken Stopping => _host?.Stopping ?? CancellationToken.None;

    /// <summary>Builds once, then starts serving. Port 0 picks a free port. Returns the base URL.</summary>
    public async Task<string> StartAsync(int port)
    {
        await RebuildAsync();

        _host = await LoopbackHost.StartAsync(_outputDir, port,
            context => context.Request.Path == "/__publicedu/events" ? _broadcaster.HandleAsync(context) : null);

        Watch(_contentDir);
        if (_themeFolder is not null) Watch(_themeFolder);
        return _host.BaseUrl;
    }

    private void Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler changed = (_, e) => OnChange(e.FullPath);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) =>
        {
            OnChange(e.OldFullPath);
            OnChange(e.FullPath);
        };
        // Events were lost: the next build must not trust the list of changed files.
        watcher.Error += (_, _) =>
        {
            _missedChanges = true;
            _scheduler.Request();
        };
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnChange(string path)
    {
        // Editors write swap and backup files next to the real one (.x.swp, x~); the loader never reads them.
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.EndsWith('~')) return;
        _changed[path] = 0;
        _scheduler.Request();
    }

    private async Task RebuildAsync()
    {
        var complete = !_missedChanges;
        _missedChanges = false;
        var changed = _changed.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var path in changed) _changed.TryRemove(path, out _);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reloaded = false;
        async Task Reload()
        {
            LastReloadAfter = clock.Elapsed;
            reloaded = true;
            await _broadcaster.SendAsync("reload", (BuildCount + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var result = await SiteBuilder.BuildAsync(new BuildOptions(_contentDir, _outputDir, null, _themeFolder, new RenderOptions(LiveReload: true)),
            _state, new FileChanges(changed, complete), Reload, () => !_changed.IsEmpty);
        LastResult = result;
        BuildCount++;
        foreach (var diagnostic in result.Diagnostics) _log.WriteLine(diagnostic);
        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        if (result.Succeeded)
        {
            _state = result.State;
            if (!reloaded) await Reload();
            _log.WriteLine(result.Incremental
                ? $"已重新生成：{result.PageCount} 个页面中重新渲染了 {result.Rendered} 个，{LastReloadAfter.TotalMilliseconds:0} 毫秒后刷新页面，全部用时 {seconds} 秒。"
                : $"已重新生成：{result.PageCount} 个页面，用时 {seconds} 秒。");
            if (result.SearchDeferred) _log.WriteLine("又有文件保存了，站内搜索的索引留到下一次生成时更新。");
        }
        else
        {
            // The next build compares with the last good one, so these files must be read again then too.
            foreach (var path in changed) _changed[path] = 0;
            // After a failed write the preview folder no longer matches the last build: rebuild it whole.
            if (result.Diagnostics.Any(d => d.Code == Diagnostics.DiagnosticCodes.OutputFailed)) _state = null;
            if (!complete) _missedChanges = true;
            _log.WriteLine(Directory.Exists(_outputDir)
                ? $"构建失败（{result.ErrorCount} 个错误），继续显示上一次成功生成的网站。"
                : $"构建失败（{result.ErrorCount} 个错误），还没有可以预览的网站。修正上面的错误并保存后会自动重新生成。");
            var errors = string.Join("\n", result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Take(20));
            await _broadcaster.SendAsync("build-error", errors);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        await _scheduler.DisposeAsync();
        _broadcaster.Close();
        if (_host is not null) await _host.DisposeAsync();
    }
}
