using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace PublicEdu.Theme.Layout;

/// <summary>
/// Script elements as markup. Razor components do not allow literal script tags, and the
/// site's CSP forbids inline code, so these are the only two shapes a script takes.
/// </summary>
public static class ScriptTags
{
    public static MarkupString Module(string src) =>
        new($"<script type=\"module\" src=\"{HtmlEncoder.Default.Encode(src)}\"></script>");

    /// <summary>
    /// Inert data for scripts. The JSON must already escape "&lt;" (System.Text.Json does), so
    /// no "&lt;/script&gt;" inside it can end the element.
    /// </summary>
    public static MarkupString Json(string id, string json) =>
        new($"<script type=\"application/json\" id=\"{HtmlEncoder.Default.Encode(id)}\">{json}</script>");
}
