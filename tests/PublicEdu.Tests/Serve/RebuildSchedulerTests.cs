using PublicEdu.Generator.Serve;

namespace PublicEdu.Tests.Serve;

public class RebuildSchedulerTests
{
    /// <summary>
    /// A "save all" makes the watcher call Request from many threads at once. The first calls
    /// used to race on starting the loop (<c>_loop ??= …</c>), and two loops run two builds at
    /// once, which write the same preview folder. However the requests interleave, one build runs
    /// at a time, and the last request is followed by a build.
    /// </summary>
    [Fact]
    public async Task Concurrent_first_requests_never_run_two_builds_at_once()
    {
        for (var round = 0; round < 200; round++)
        {
            var running = 0;
            var overlapped = false;
            var builds = 0;
            await using var scheduler = new RebuildScheduler(async () =>
            {
                if (Interlocked.Increment(ref running) > 1) overlapped = true;
                await Task.Yield();
                Interlocked.Increment(ref builds);
                Interlocked.Decrement(ref running);
            }, TimeSpan.Zero);
            using var go = new ManualResetEventSlim();
            var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() => { go.Wait(); scheduler.Request(); })).ToList();
            threads.ForEach(t => t.Start());
            go.Set();
            threads.ForEach(t => t.Join());
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref builds) == 0 && DateTime.UtcNow < deadline) await Task.Delay(1);
            Assert.False(overlapped, $"round {round}: two builds ran at once");
            Assert.True(builds > 0, $"round {round}: no build after the requests");
        }
    }
}
