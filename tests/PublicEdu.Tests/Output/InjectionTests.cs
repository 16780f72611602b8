using AngleSharp.Html.Parser;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Output;

/// <summary>
/// Markup and script placed wherever an author can type end up as text: escaped in HTML, inert in
/// the JSON the scripts read, never as elements, event handlers or javascript: links.
/// </summary>
public class InjectionTests
{
    private const string Payload = "<script>alert(1)</script>\\\" onmouseover=\\\"alert(2)\\\" <img src=x onerror=alert(3)> </script><b>";

    [Fact]
    public async Task Script_in_every_authored_field_comes_out_as_text()
    {
        var yamlPayload = "\"" + Payload + "\"";
        var site = ContentTree.SiteYml.Replace("title: 测试站点", $"title: {yamlPayload}").Replace("tagline: 测试", $"tagline: {yamlPayload}")
            + $"\norganisation:\n  name: {yamlPayload}\n  contact: {yamlPayload}\nicp: {yamlPayload}\nreporting_channels:\n  - name: {yamlPayload}\n    url: \"javascript:alert(4)\"\n";
        using var tree = new ContentTree(site).WithLaw();
        var payloadLine = Payload.Replace("\\\"", "\"");
        tree.Write("guides/x.md", $"---\ntitle: {yamlPayload}\nsummary: {yamlPayload}\ntags: [{yamlPayload}]\n---\n\n## {payloadLine}\n\n{payloadLine}\n\n[点我](javascript:alert(5))\n")
            .Write("articles/y.md", $"---\ntitle: {yamlPayload}\ndate: 2026-11-28\nsummary: {yamlPayload}\n---\n\n{payloadLine}\n")
            .WithSelfCheck(ContentTree.MiniSelfCheck
                .Replace("title: 测试自查", $"title: {yamlPayload}")
                .Replace("疏散通道是否畅通？", payloadLine)
                .Replace("- 畅通 {合规}", $"- {payloadLine} {{合规}}")
                .Replace("整改：立即清理。", $"整改：{payloadLine}"));
        var result = await tree.BuildAsync(write: false);

        // The javascript: link is refused with a diagnostic; everything else builds.
        Assert.All(result.Diagnostics.Where(d => d.Severity == Generator.Diagnostics.Severity.Error), d => Assert.Equal("PE0402", d.Code));
        foreach (var file in result.Files.Where(f => f.IsHtml))
        {
            var html = System.Text.Encoding.UTF8.GetString(file.Content);
            var doc = new HtmlParser().ParseDocument(html);
            Assert.Empty(doc.QuerySelectorAll("img[src=x], b"));
            foreach (var script in doc.Scripts)
                Assert.True(script.Source is not null && script.Source.Length > 0 || script.Type == "application/json", $"{file.Path}: inline script {script.OuterHtml[..Math.Min(80, script.OuterHtml.Length)]}");
            foreach (var element in doc.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal));
                foreach (var attr in new[] { "href", "src" })
                    Assert.False(element.GetAttribute(attr)?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true, $"{file.Path}: {element.OuterHtml}");
            }
            // JSON for scripts must not be able to close its element.
            foreach (var data in doc.QuerySelectorAll("script[type='application/json']"))
                Assert.DoesNotContain("</script", data.TextContent, StringComparison.OrdinalIgnoreCase);
        }
        var guide = new HtmlParser().ParseDocument(result.Html("guides/x/index.html"));
        Assert.Contains("<script>alert(1)</script>", guide.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Raw_HTML_is_off_unless_site_yml_allows_it()
    {
        using var off = new ContentTree();
        off.Write("guides/x.md", ContentTree.Page("甲", "<div class=\"box\">盒子</div>"));
        var offResult = await off.BuildAsync(write: false);
        Assert.Empty(new HtmlParser().ParseDocument(offResult.Html("guides/x/index.html")).QuerySelectorAll("main div.box"));

        using var on = new ContentTree(ContentTree.SiteYml + "\nallow_raw_html: true\n");
        on.Write("guides/x.md", ContentTree.Page("甲", "<div class=\"box\">盒子</div>"));
        var onResult = await on.BuildAsync(write: false);
        Assert.Single(new HtmlParser().ParseDocument(onResult.Html("guides/x/index.html")).QuerySelectorAll("main div.box"));
    }

    [Fact]
    public async Task Every_page_carries_a_content_security_policy_without_inline_script()
    {
        using var tree = new ContentTree().WithSelfCheck();
        var result = await tree.BuildAsync(write: false);
        foreach (var file in result.Files.Where(f => f.IsHtml))
        {
            var doc = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
            var csp = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content") ?? "";
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
        }
    }
}
