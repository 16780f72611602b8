using System.Text;
using Microsoft.Playwright;
using PublicEdu.Generator.Build;
using PublicEdu.Generator.Serve;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace PublicEdu.BrowserTests;

/// <summary>
/// Campaign posters and leaflets, printed as a publicity team prints them: each to one sheet of its
/// paper size, and its QR code read back from the printed page at a phone camera's resolution, so
/// the code is known to scan and to lead to the page's absolute address.
/// </summary>
[Collection("browser")]
public class PosterBrowserTests(BrowserFixture fixture)
{
    // A reserved example domain (RFC 2606): the real site's address is the operator's to fill in.
    private const string BaseUrl = "https://example.org";
    private static readonly string PrintDir = Path.Combine(BrowserFixture.RepoRoot, "artifacts", "print");
    private static readonly Lazy<Task<string>> Site = new(BuildWithBaseUrlAsync);

    /// <summary>content/ built as it would be with base_url filled in.</summary>
    private static async Task<string> BuildWithBaseUrlAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "publicedu-posters-" + Environment.ProcessId);
        var content = Path.Combine(root, "content");
        if (Directory.Exists(root)) Directory.Delete(root, true);
        foreach (var file in Directory.GetFiles(Path.Combine(BrowserFixture.RepoRoot, "content"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(Path.Combine(BrowserFixture.RepoRoot, "content"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var siteYml = Path.Combine(content, "site.yml");
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("base_url: \"\"", $"base_url: \"{BaseUrl}\"", StringComparison.Ordinal));
        var output = Path.Combine(root, "_site");
        var result = await SiteBuilder.BuildAsync(new BuildOptions(content, output, null, Path.Combine(BrowserFixture.RepoRoot, "site-theme", "wwwroot")));
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return output;
    }

    public static TheoryData<string> SelfChecks() => PrintBrowserTests.Questionnaires();

    [SkippableTheory]
    [MemberData(nameof(SelfChecks))]
    public async Task Each_self_check_poster_prints_on_one_A4_sheet_and_its_QR_code_scans_to_the_page(string slug)
    {
        var poppler = PrintBrowserTests.Poppler.Require();
        await using var host = await LoopbackHost.StartAsync(await Site.Value, 0);
        await using var tab = await fixture.OpenAsync(1280, 900);
        await tab.Page.GotoAsync(host.BaseUrl + $"publicity/selfchecks/{slug}/");
        var (pages, size, decoded, text) = await PrintAndScanAsync(tab.Page, $"poster-{slug}", poppler);
        Assert.Equal(1, pages);
        Assert.Contains("(A4)", size);
        Assert.Equal($"{BaseUrl}/selfchecks/{slug}/", decoded);
        // pdftotext drops the hyphens of the printed address (Chromium writes them without a text mapping).
        Assert.Contains($"example.org/selfchecks/{slug}/".Replace("-", ""), text.Replace("-", ""));
        Assert.Contains("扫码", text);
        AssertOnlyFrom(tab, host);
    }

    [SkippableFact]
    public async Task A_guide_leaflet_prints_on_one_A5_sheet_and_scans_and_the_index_lists_every_poster()
    {
        var poppler = PrintBrowserTests.Poppler.Require();
        await using var host = await LoopbackHost.StartAsync(await Site.Value, 0);
        await using var tab = await fixture.OpenAsync(1280, 900);
        var page = tab.Page;
        await page.GotoAsync(host.BaseUrl + "publicity/");
        var guides = Directory.GetFiles(Path.Combine(BrowserFixture.RepoRoot, "content", "guides"), "*.md").Length;
        var checks = PrintBrowserTests.Questionnaires().Count;
        Assert.Equal(guides + checks, await page.Locator(".publicity-list li").CountAsync());
        await tab.AssertAccessibleAsync();

        await page.ClickAsync(".publicity-list a[href*='guides/voluntary-reporting/leaflet/']");
        await page.WaitForURLAsync("**/publicity/guides/voluntary-reporting/leaflet/");
        var (pages, size, decoded, _) = await PrintAndScanAsync(page, "leaflet-voluntary-reporting", poppler);
        Assert.Equal(1, pages);
        Assert.Contains("(A5)", size);
        Assert.Equal($"{BaseUrl}/guides/voluntary-reporting/", decoded);
        await tab.AssertAccessibleAsync();
        AssertOnlyFrom(tab, host);
    }

    /// <summary>No script error, and every request went to the host serving this build.</summary>
    private static void AssertOnlyFrom(BrowserPage tab, LoopbackHost host)
    {
        Assert.Empty(tab.ConsoleErrors);
        Assert.All(tab.ForeignRequests, url => Assert.StartsWith(host.BaseUrl, url, StringComparison.Ordinal));
    }

    /// <summary>Prints at the page's own paper size, renders the first sheet at 150 dpi and reads its QR code.</summary>
    private static async Task<(int Pages, string Size, string? Decoded, string Text)> PrintAndScanAsync(IPage page, string name, PrintBrowserTests.Poppler poppler)
    {
        Directory.CreateDirectory(PrintDir);
        var pdf = Path.Combine(PrintDir, name + ".pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = false });
        var info = poppler.Run("pdfinfo", pdf);
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value);
        var size = System.Text.RegularExpressions.Regex.Match(info, @"Page size:\s+(.+)").Groups[1].Value;
        poppler.Run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, Path.Combine(PrintDir, name));
        var scan = Path.Combine(Path.GetTempPath(), $"{name}-{Environment.ProcessId}");
        poppler.Run("pdftoppm", "-gray", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, scan);
        var text = System.Text.RegularExpressions.Regex.Replace(poppler.Run("pdftotext", "-enc", "UTF-8", pdf, "-"), @"\s+", "");
        return (pages, size, Decode(scan + ".pgm"), text);
    }

    /// <summary>Reads a QR code from a binary PGM (P5), the grey image pdftoppm -gray writes.</summary>
    private static string? Decode(string pgm)
    {
        var bytes = File.ReadAllBytes(pgm);
        var at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at])) at++;
            return Encoding.ASCII.GetString(bytes, start, at - start);
        }
        Assert.Equal("P5", Token());
        var (width, height) = (int.Parse(Token()), int.Parse(Token()));
        Assert.Equal("255", Token());
        var pixels = bytes.AsSpan(at + 1, width * height).ToArray();
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
    }
}
