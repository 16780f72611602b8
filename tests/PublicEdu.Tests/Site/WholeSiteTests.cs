using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Output;
using PublicEdu.Generator.Rendering;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Site;

/// <summary>Builds the real content/ once and checks every page with a real HTML5 parser.</summary>
public sealed class BuiltSiteFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string OutputDir => _folder.Combine("_site");

    public BuildResult Result { get; private set; } = default!;

    public async Task InitializeAsync() =>
        Result = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, OutputDir, null, RepoPaths.ThemeWwwroot));

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public class WholeSiteTests(BuiltSiteFixture site) : IClassFixture<BuiltSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    private IEnumerable<(string Path, IDocument Document, string Html)> Pages() =>
        Directory.EnumerateFiles(site.OutputDir, "*.html", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(site.OutputDir, f).Replace('\\', '/'), File.ReadAllText(f)))
            .Select(p => (p.Item1, (IDocument)Parser.ParseDocument(p.Item2), p.Item2));

    [Fact]
    public void The_content_builds_without_errors()
    {
        Assert.True(site.Result.Succeeded, site.Result.Describe());
        Assert.True(site.Result.Written);
        // The only warnings the shipped content may give are the operator's: an empty base_url and no reporting channel.
        Assert.All(site.Result.Diagnostics, d => Assert.Contains(d.Code, new[] { "PE0153", "PE0154" }));
    }

    [Fact]
    public void Every_page_is_Chinese_titled_and_navigable()
    {
        var pages = Pages().ToList();
        Assert.True(pages.Count >= 15, $"only {pages.Count} pages");
        foreach (var (path, doc, _) in pages)
        {
            Assert.True(doc.DocumentElement.GetAttribute("lang") == "zh-CN", path);
            Assert.False(string.IsNullOrWhiteSpace(doc.Title), path);
            Assert.NotNull(doc.QuerySelector("nav.site-nav a"));
            Assert.NotNull(doc.QuerySelector("main#main"));
            Assert.Single(doc.QuerySelectorAll("h1"));
            Assert.NotNull(doc.QuerySelector("meta[http-equiv='Content-Security-Policy']"));
        }
    }

    [Fact]
    public void No_Chinese_text_is_written_as_numeric_character_references()
    {
        var escaped = new Regex("&#x([0-9A-Fa-f]{4,5});");
        foreach (var (path, _, html) in Pages())
        {
            foreach (Match m in escaped.Matches(html))
            {
                var cp = Convert.ToInt32(m.Groups[1].Value, 16);
                Assert.False(cp is >= 0x2E80 and <= 0x9FFF or >= 0xFF00 and <= 0xFFEF or >= 0x3000 and <= 0x303F, $"{path}: {m.Value}");
            }
        }
    }

    [Fact]
    public void Every_internal_link_and_fragment_resolves()
    {
        var files = Directory.EnumerateFiles(site.OutputDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.OutputDir, f).Replace('\\', '/')).ToHashSet();
        var pages = Pages().ToDictionary(p => p.Path, p => p.Document);
        var broken = new List<string>();
        foreach (var (path, doc) in pages)
        {
            foreach (var element in doc.QuerySelectorAll("[href], [src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                var target = LinkChecker.Resolve(path, url, "/");
                if (target is null) continue;
                if (!files.Contains(target.Value.Path)) broken.Add($"{path}: {url}");
                else if (target.Value.Fragment.Length > 0 && pages.TryGetValue(target.Value.Path, out var targetDoc)
                         && targetDoc.GetElementById(target.Value.Fragment) is null)
                    broken.Add($"{path}: {url} (no #{target.Value.Fragment})");
            }
        }
        Assert.Empty(broken);
    }

    [Fact]
    public void No_page_requests_anything_from_another_site()
    {
        foreach (var (path, doc, _) in Pages())
        {
            foreach (var element in doc.QuerySelectorAll("script[src], link[href], img[src], iframe, source[src]"))
            {
                var url = element.GetAttribute("src") ?? element.GetAttribute("href")!;
                if (element.LocalName == "link" && element.GetAttribute("rel") is "canonical" or "alternate") continue;
                Assert.False(url.Contains("//"), $"{path}: {element.OuterHtml}");
            }
            Assert.Empty(doc.QuerySelectorAll("script:not([src]):not([type='application/json'])"));
        }
    }

    [Fact]
    public void The_fire_law_page_shows_article_60_with_its_seven_items()
    {
        var doc = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.OutputDir, "laws/fire-protection-law/index.html")));
        var article = doc.GetElementById("art-60")!;
        Assert.Contains("第六十条", article.QuerySelector("h3")!.TextContent);
        var items = article.QuerySelectorAll("#art-60-1 + ol.law-items > li");
        Assert.Equal(7, items.Length);
        Assert.Equal("art-60-1-7", items[6].Id);
        Assert.NotNull(doc.QuerySelector("#art-60 .callout-reading"));
        Assert.NotEmpty(article.QuerySelectorAll(".cited-by a"));
        Assert.Contains("2021年4月29日第二次修正", doc.QuerySelector(".law-facts")!.TextContent);
    }

    [Fact]
    public void The_law_index_lists_each_law_with_version()
    {
        var doc = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.OutputDir, "laws/index.html")));
        var cards = doc.QuerySelectorAll(".law-card");
        var digests = Directory.EnumerateFiles(Path.Combine(RepoPaths.Content, "laws"), "*.md").Count();
        Assert.True(digests >= 5, $"{digests} law digests");
        Assert.Equal(digests, cards.Length);
        Assert.All(cards, c => Assert.Contains("版本", c.TextContent));
        Assert.Contains(cards, c => c.TextContent.Contains("2021年8月1日"));
    }

    [Fact]
    public void Sitemap_feed_robots_and_404_are_written()
    {
        foreach (var name in new[] { "sitemap.xml", "feed.xml", "robots.txt", "404.html" })
            Assert.True(File.Exists(Path.Combine(site.OutputDir, name)), name);
        var sitemap = System.Xml.Linq.XDocument.Load(Path.Combine(site.OutputDir, "sitemap.xml"));
        var locs = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("/guides/voluntary-reporting/", locs);
        Assert.Contains("/laws/fire-protection-law/", locs);
        var feed = System.Xml.Linq.XDocument.Load(Path.Combine(site.OutputDir, "feed.xml"));
        Assert.Equal(3, feed.Descendants().Count(e => e.Name.LocalName == "entry"));
        var notFound = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.OutputDir, "404.html")));
        Assert.All(notFound.QuerySelectorAll("nav.site-nav a"), a => Assert.StartsWith("/", a.GetAttribute("href")));
    }

    [Fact]
    public void Headings_get_readable_Chinese_ids_and_long_pages_a_table_of_contents()
    {
        var doc = Parser.ParseDocument(File.ReadAllText(Path.Combine(site.OutputDir, "guides/voluntary-reporting/index.html")));
        var ids = doc.QuerySelectorAll(".prose h2").Select(h => h.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.DoesNotMatch("^section", id!));
        Assert.Contains(ids, id => id!.Any(c => c > 0x4E00));
        Assert.Equal(ids, doc.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")!.TrimStart('#')).Where(ids.Contains));
    }

    [Fact]
    public void Pages_stay_within_their_weight_budgets()
    {
        // Budgets from the performance issue: CSS at most 20 KB, at most 30 KB of JavaScript on the
        // heaviest page (the self-check), uncompressed; and a page loads only the scripts it uses.
        Assert.True(new FileInfo(Path.Combine(site.OutputDir, "css/site.css")).Length <= 20 * 1024);
        foreach (var (path, doc, _) in Pages())
        {
            var scripts = doc.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!.Split('?')[0]).ToList();
            // A module's static imports load with it, so they count against the page too.
            var files = scripts.Select(src => Path.Combine(site.OutputDir, LinkChecker.Resolve(path, src, "/")!.Value.Path)).ToList();
            for (var i = 0; i < files.Count; i++)
                foreach (System.Text.RegularExpressions.Match import in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(files[i]), @"from\s*""\./(?<name>[\w-]+\.js)"""))
                {
                    var imported = Path.Combine(Path.GetDirectoryName(files[i])!, import.Groups["name"].Value);
                    if (!files.Contains(imported)) files.Add(imported);
                }
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Assert.True(bytes <= 30 * 1024, $"{path}: {bytes} bytes of JavaScript");
            Assert.Equal(doc.QuerySelector("script#cite-data") is not null, scripts.Any(s => s.EndsWith("citations.js")));
            Assert.Equal(path.StartsWith("selfchecks/") && path != "selfchecks/index.html", scripts.Any(s => s.EndsWith("selfcheck.js")));
            // Every script is a module except the one that applies large text before the first paint,
            // which blocks rendering and so must stay tiny.
            var classic = doc.QuerySelectorAll("script[src]").Where(s => s.GetAttribute("type") != "module").ToList();
            Assert.Equal(["text-size.js"], classic.Select(s => s.GetAttribute("src")!.Split('?')[0].Split('/')[^1]));
            Assert.True(new FileInfo(Path.Combine(site.OutputDir, "text-size.js")).Length <= 512);
        }
    }

    [Fact]
    public void Text_assets_are_minified_and_precompressed()
    {
        foreach (var asset in new[] { "css/site.css", "js/site.js", "js/selfcheck.js" })
        {
            var file = Path.Combine(site.OutputDir, asset);
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("\n  ", text);
            using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(file + ".gz"), System.IO.Compression.CompressionMode.Decompress))
            using (var reader = new StreamReader(gz)) Assert.Equal(text, reader.ReadToEnd());
            using (var br = new System.IO.Compression.BrotliStream(File.OpenRead(file + ".br"), System.IO.Compression.CompressionMode.Decompress))
            using (var reader = new StreamReader(br)) Assert.Equal(text, reader.ReadToEnd());
        }
    }

    [Fact]
    public async Task Two_builds_are_byte_identical()
    {
        using var second = new TempFolder();
        var again = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, second.Combine("_site"), null, RepoPaths.ThemeWwwroot));
        Assert.True(again.Succeeded);
        var a = TempFolder.Snapshot(site.OutputDir);
        var b = TempFolder.Snapshot(second.Combine("_site"));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var key in a.Keys) Assert.True(a[key] == b[key], key);
    }

    [Fact]
    public async Task The_theme_from_the_assembly_equals_the_theme_on_disk()
    {
        using var folder = new TempFolder();
        var embedded = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, folder.Combine("_site")));
        Assert.Equal(site.Result.Files.Select(f => (f.Path, Convert.ToHexString(f.Content))),
            embedded.Files.Select(f => (f.Path, Convert.ToHexString(f.Content))));
    }

    [Fact]
    public async Task The_site_works_under_a_base_path()
    {
        var result = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, null, "/publicedu/", RepoPaths.ThemeWwwroot));
        Assert.True(result.Succeeded, result.Describe());
        var notFound = Parser.ParseDocument(result.Html("404.html"));
        Assert.All(notFound.QuerySelectorAll("nav.site-nav a"), a => Assert.StartsWith("/publicedu/", a.GetAttribute("href")));
        var guide = Parser.ParseDocument(result.Html("guides/voluntary-reporting/index.html"));
        // Without the operator's base_url there is no absolute address, so no canonical link is claimed.
        Assert.Null(guide.QuerySelector("link[rel=canonical]"));
        // Page links are relative, so they are the same under any base path.
        Assert.Equal("../../laws/", guide.QuerySelector("nav.site-nav a[href$='laws/']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task File_links_mode_links_to_index_files()
    {
        var result = await SiteBuilder.BuildAsync(new BuildOptions(RepoPaths.Content, null, null, RepoPaths.ThemeWwwroot, new RenderOptions(IndexFileLinks: true)));
        Assert.True(result.Succeeded, result.Describe());
        var guide = Parser.ParseDocument(result.Html("guides/voluntary-reporting/index.html"));
        Assert.All(guide.QuerySelectorAll("nav.site-nav a"), a => Assert.EndsWith("index.html", a.GetAttribute("href")));
    }

}
