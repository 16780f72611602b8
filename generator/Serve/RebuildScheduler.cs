using System.Diagnostics;

namespace PublicEdu.Generator.Serve;

/// <summary>
/// Coalesces bursts of file events into one rebuild. An editor's save fires several events and a
/// "save all" fires hundreds; we wait until no event has come for a short quiet period, never run
/// two builds at once, and run once more if anything changed during a build, so the last state
/// always wins.
/// </summary>
public sealed class RebuildScheduler(Func<Task> rebuild, TimeSpan quietPeriod) : IAsyncDisposable
{
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _start = new();
    private Task? _loop;
    private long _lastRequest;
    private TaskCompletionSource _idle = Completed();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    /// <summary>
    /// Completes once every request made so far has been followed by a finished rebuild. Tests
    /// wait on it instead of sleeping and polling.
    /// </summary>
    public Task Idle
    {
        get { lock (_start) return _idle.Task; }
    }

    /// <summary>Called from the file watcher's threads, several at once during a "save all".</summary>
    public void Request()
    {
        Interlocked.Exchange(ref _lastRequest, Stopwatch.GetTimestamp());
        // Two first requests at once must not start two loops: they would run two builds at once.
        lock (_start)
        {
            if (_idle.Task.IsCompleted) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _loop ??= Task.Run(LoopAsync);
            // Released under the lock, so the loop's idle check below sees this request or none of it.
            if (_signal.CurrentCount == 0) _signal.Release();
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(_stop.Token);
                // Let the burst settle: wait until the quiet period has passed since the latest event.
                TimeSpan remaining;
                while ((remaining = quietPeriod - Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRequest))) > TimeSpan.Zero)
                    await Task.Delay(remaining, _stop.Token);
                while (_signal.CurrentCount > 0) await _signal.WaitAsync(_stop.Token);
                await rebuild();
                lock (_start)
                    if (_signal.CurrentCount == 0) _idle.TrySetResult();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        Task? loop;
        lock (_start) loop = _loop;
        if (loop is not null)
        {
            try { await loop; } catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }
}
