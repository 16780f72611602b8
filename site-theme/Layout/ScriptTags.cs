using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using PublicEdu.Theme.Models;

namespace PublicEdu.Theme.Layout;

/// <summary>
/// Script elements as markup. Razor components do not allow literal script tags, and the
/// site's CSP forbids inline code, so every script is an external file or inert JSON.
/// </summary>
public static class ScriptTags
{
    /// <summary>
    /// Where file-links builds keep classic scripts: the loader, and the generator's classic copy
    /// of each module (ClassicScriptConverter). Other builds leave the folder out.
    /// </summary>
    public const string ClassicFolder = "js/classic/";

    public const string ModuleLoader = ClassicFolder + "module-loader.js";

    /// <summary>"js/search.js" → "js/classic/search.js".</summary>
    public static string ClassicPath(string modulePath) =>
        modulePath.StartsWith("js/", StringComparison.Ordinal) && !modulePath.AsSpan(3).Contains('/')
            ? ClassicFolder + modulePath[3..]
            : throw new ArgumentException($"theme modules live directly in js/: {modulePath}", nameof(modulePath));

    /// <summary>
    /// A theme module such as "js/site.js". Chromium refuses module scripts on pages opened from
    /// disk (file://, origin null), so file-links pages load the module's classic copy instead;
    /// defer keeps the order and timing module scripts have.
    /// </summary>
    public static MarkupString Module(PageFrame frame, string path) =>
        frame.IndexFileLinks
            ? Classic(frame.Asset(ClassicPath(path)))
            : new($"<script type=\"module\" src=\"{HtmlEncoder.Default.Encode(frame.Asset(path))}\"></script>");

    /// <summary>
    /// In file-links pages, the loader that classic copies of modules register with; it must come
    /// before them. Elsewhere nothing, not even a line, so those pages keep their bytes.
    /// </summary>
    public static MarkupString Loader(PageFrame frame) => frame.IndexFileLinks ? Classic(frame.Asset(ModuleLoader)) : new("");

    /// <summary>
    /// A classic script that runs before the first paint (text-size.js): it blocks rendering, so
    /// it must stay tiny. It is not a module, so file:// runs it as it is.
    /// </summary>
    public static MarkupString BeforePaint(PageFrame frame, string path) =>
        new($"<script src=\"{HtmlEncoder.Default.Encode(frame.Asset(path))}\"></script>");

    private static MarkupString Classic(string src) => new($"<script defer src=\"{HtmlEncoder.Default.Encode(src)}\"></script>");

    /// <summary>
    /// Inert data for scripts. The JSON must already escape "&lt;" (System.Text.Json does), so
    /// no "&lt;/script&gt;" inside it can end the element.
    /// </summary>
    public static MarkupString Json(string id, string json) =>
        new($"<script type=\"application/json\" id=\"{HtmlEncoder.Default.Encode(id)}\">{json}</script>");
}
