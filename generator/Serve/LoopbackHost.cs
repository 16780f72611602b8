using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PublicEdu.Generator.Serve;

/// <summary>
/// A Kestrel server bound to 127.0.0.1 only, serving a built site folder. The preview server adds
/// its event stream in front; tests use it as it is. Port 0 picks a free port.
/// </summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>
    /// Fires when the host is asked to stop. Kestrel's console lifetime takes Ctrl+C for itself,
    /// so a command that waits on the host must wait on this too.
    /// </summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public string BaseUrl { get; }

    public static async Task<LoopbackHost> StartAsync(string siteFolder, int port, Func<HttpContext, Task?>? before = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context => before?.Invoke(context) ?? StaticFileResponder.RespondAsync(context, siteFolder));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackHost(app, address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
