using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace PublicEdu.Generator.Serve;

/// <summary>Server-sent events to every open preview page: "reload" after a build, "build-error" when it fails.</summary>
public sealed class ReloadBroadcaster
{
    private readonly ConcurrentDictionary<Guid, (HttpResponse Response, SemaphoreSlim Lock)> _clients = new();
    private readonly CancellationTokenSource _closing = new();

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var id = Guid.NewGuid();
        var gate = new SemaphoreSlim(1);
        _clients[id] = (context.Response, gate);
        try
        {
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closing.Token);
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    public async Task SendAsync(string eventName, string data)
    {
        var lines = string.Join("\n", data.Split('\n').Select(l => "data: " + l));
        var message = $"event: {eventName}\n{lines}\n\n";
        foreach (var (id, (response, gate)) in _clients)
        {
            await gate.WaitAsync();
            try
            {
                await response.WriteAsync(message);
                await response.Body.FlushAsync();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                _clients.TryRemove(id, out _);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    public void Close() => _closing.Cancel();
}
