using Microsoft.AspNetCore.Http;

namespace PublicEdu.Generator.Serve;

/// <summary>
/// Serves the built site from disk. Only files inside the output folder are ever served:
/// "..", encoded or not, and absolute paths are refused before touching the file system.
/// </summary>
public static class StaticFileResponder
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
        [".ico"] = "image/x-icon",
        [".pdf"] = "application/pdf",
        [".webmanifest"] = "application/manifest+json",
    };

    public static async Task RespondAsync(HttpContext context, string root)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!Directory.Exists(root))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("网站还没有生成成功：请查看终端里的错误信息，修正并保存后刷新本页。");
            return;
        }
        var file = Map(root, context.Request.Path.Value ?? "/");
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Bad request");
            return;
        }
        if (Directory.Exists(file))
        {
            if (!(context.Request.Path.Value ?? "/").EndsWith('/'))
            {
                context.Response.Redirect(context.Request.PathBase + context.Request.Path + "/" + context.Request.QueryString);
                return;
            }
            file = Path.Combine(file, "index.html");
        }
        var status = StatusCodes.Status200OK;
        if (!File.Exists(file))
        {
            status = StatusCodes.Status404NotFound;
            file = Path.Combine(root, "404.html");
            if (!File.Exists(file))
            {
                context.Response.StatusCode = status;
                return;
            }
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        try
        {
            await context.Response.SendFileAsync(file);
        }
        catch (FileNotFoundException)
        {
            // Swapped away by a rebuild between the check and the read; the reload event follows.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    /// <summary>The file a request path names, or null when the path tries to leave the root.</summary>
    public static string? Map(string root, string requestPath)
    {
        string decoded;
        try { decoded = Uri.UnescapeDataString(requestPath); }
        catch (UriFormatException) { return null; }
        if (decoded.Contains('\0') || decoded.Contains('\\')) return null;
        var segments = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.Contains(':'))) return null;
        var full = Path.GetFullPath(Path.Combine([root, .. segments]));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full == rootFull.TrimEnd(Path.DirectorySeparatorChar) || full.StartsWith(rootFull, StringComparison.Ordinal) ? full : null;
    }
}
