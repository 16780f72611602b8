using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// Renders theme components to HTML strings. An <see cref="HtmlRenderer"/> serialises its work on
/// its own dispatcher, so parallel page rendering takes one renderer per concurrent caller.
/// </summary>
public sealed class RazorRenderer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ConcurrentBag<HtmlRenderer> _pool = new();
    private readonly ConcurrentBag<HtmlRenderer> _all = new();

    public RazorRenderer()
    {
        var services = new ServiceCollection();
        // Without this every Chinese character is written as &#x…; and pages grow threefold.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _services = services.BuildServiceProvider();
    }

    public async Task<string> RenderAsync<TComponent>(string parameterName, object model) where TComponent : IComponent
    {
        if (!_pool.TryTake(out var renderer))
        {
            renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
            _all.Add(renderer);
        }
        try
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [parameterName] = model });
                var output = await renderer.RenderComponentAsync<TComponent>(parameters);
                return "<!DOCTYPE html>\n" + output.ToHtmlString();
            });
        }
        finally
        {
            _pool.Add(renderer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var renderer in _all) await renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
