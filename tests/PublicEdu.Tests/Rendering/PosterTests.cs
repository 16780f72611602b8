using AngleSharp.Html.Parser;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.Rendering;

public class PosterTests
{
    private const string Guide = """
        ---
        title: 电动自行车怎样安全充电
        summary: 电动自行车不进楼道、不进家门，到集中充电点充电。
        ---

        ## 为什么不能在楼道里充电

        起火快，烟毒。

        ## 去哪里充电

        小区的集中充电点。

        ## 充电时注意什么

        充满就拔。
        """;

    [Fact]
    public async Task Every_self_check_and_guide_gets_an_A4_poster_and_an_A5_leaflet_with_a_QR_code_of_its_absolute_address()
    {
        using var tree = new ContentTree().WithSelfCheck().Write("guides/ebike-charging.md", Guide);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        var parser = new HtmlParser();

        var index = parser.ParseDocument(result.Html("publicity/index.html"));
        var links = index.QuerySelectorAll(".publicity-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["../publicity/selfchecks/test-check/", "../publicity/selfchecks/test-check/leaflet/", "../publicity/guides/ebike-charging/", "../publicity/guides/ebike-charging/leaflet/"], links);

        var poster = parser.ParseDocument(result.Html("publicity/guides/ebike-charging/index.html"));
        Assert.Equal("poster poster-poster", poster.QuerySelector("section.poster")!.ClassName);
        Assert.Equal("电动自行车怎样安全充电", poster.QuerySelector(".poster h1")!.TextContent);
        // The key points are the guide's own sections, in order.
        Assert.Equal(["为什么不能在楼道里充电", "去哪里充电", "充电时注意什么"], poster.QuerySelectorAll(".poster-points li").Select(li => li.TextContent));
        Assert.Equal("fire.example.test/guides/ebike-charging/", poster.QuerySelector(".poster-url")!.TextContent);
        var qr = poster.QuerySelector(".poster-qr svg.qr")!;
        Assert.StartsWith("0 0 ", qr.GetAttribute("viewBox"));
        Assert.NotEmpty(qr.QuerySelector("path")!.GetAttribute("d")!);

        var leaflet = parser.ParseDocument(result.Html("publicity/selfchecks/test-check/leaflet/index.html"));
        Assert.Equal("poster poster-leaflet", leaflet.QuerySelector("section.poster")!.ClassName);
        Assert.Equal("fire.example.test/selfchecks/test-check/", leaflet.QuerySelector(".poster-url")!.TextContent);
        // A self-check's points are its sections, and the call to action says how long it takes.
        Assert.Equal(["安全疏散"], leaflet.QuerySelectorAll(".poster-points li").Select(li => li.TextContent));
        Assert.Contains("约 5 分钟", leaflet.QuerySelector(".poster-action")!.TextContent);
        // Another address, another code.
        Assert.NotEqual(qr.QuerySelector("path")!.GetAttribute("d"), leaflet.QuerySelector("svg.qr path")!.GetAttribute("d"));
    }

    [Fact]
    public async Task Without_base_url_there_is_no_publicity_kit_and_the_warning_says_why()
    {
        using var tree = new ContentTree(ContentTree.SiteYml.Replace("base_url: \"https://fire.example.test\"", "base_url: \"\"")).WithSelfCheck();
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, result.Describe());
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("publicity/", StringComparison.Ordinal));
        var warning = Assert.Single(result.WithCode(DiagnosticCodes.BaseUrlMissing));
        Assert.Contains("宣传海报和传单", warning.Message);
        Assert.EndsWith("site.yml", warning.Path);
    }
}
