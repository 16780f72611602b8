using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PublicEdu.BrowserTests;

/// <summary>
/// What comes out of the printer: the paper checklist without JavaScript and the three documents of
/// the result, printed to A4 without background graphics (what a browser does unless told), read
/// back with poppler and rendered to PNG in artifacts/print/ for a person to look at.
/// </summary>
[Collection("browser")]
public partial class PrintBrowserTests(BrowserFixture fixture)
{
    private const string Hotel = "selfchecks/small-hotel/";

    /// <summary>
    /// A questionnaire prints on at most this many A4 pages, of which the checklist itself (head,
    /// questions, signatures) takes at most <see cref="MaxQuestionPages"/> and the key the rest.
    /// Measured on 2026-12-03 with Debian Chromium 156 and Noto CJK: every questionnaire's checklist
    /// on 4 pages, and 7 to 9 pages in all (small-hotel 4 + 5); one page more of each is left for
    /// content to grow. Before the compact print layout, small-hotel was 16 pages without any key.
    /// </summary>
    private const int MaxChecklistPages = 10, MaxQuestionPages = 5;

    private static readonly string PrintDir = Path.Combine(BrowserFixture.RepoRoot, "artifacts", "print");

    /// <summary>A4 minus print.css's 11 mm side margins, in CSS pixels: where text wraps on paper.</summary>
    private const int PaperWidth = 711;

    public static TheoryData<string> Questionnaires()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(BrowserFixture.RepoRoot, "content", "selfchecks"), "*.md").Order(StringComparer.Ordinal))
            if (Path.GetFileNameWithoutExtension(file) is var slug && slug != "index" && !slug.StartsWith('_')) data.Add(slug);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Questionnaires))]
    public async Task Without_JavaScript_the_checklist_prints_on_few_pages_with_its_head_signatures_and_key(string slug)
    {
        var poppler = Poppler.Require();
        await using var tab = await fixture.OpenAsync($"selfchecks/{slug}/", 1280, 900, javaScript: false);
        var page = tab.Page;
        // Every hazard option of the questionnaire, as the page's data names them.
        var hazardOptions = await page.EvaluateAsync<int>("() => JSON.parse(document.getElementById('selfcheck-data').textContent).questions.flatMap(q => q.options).filter(o => o.h).length");
        Assert.True(hazardOptions > 0);

        var pdf = await PrintAsync(page, $"checklist-{slug}", poppler);
        Assert.True(pdf.Pages <= MaxChecklistPages, $"{slug}: {pdf.Pages} pages, at most {MaxChecklistPages} expected");
        // The key starts a page of its own, right after the page with the signatures.
        var key = pdf.PageTexts.FindIndex(t => t.StartsWith("附：各题隐患说明", StringComparison.Ordinal));
        Assert.True(key >= 1, $"{slug}: no page starts with the key");
        Assert.True(key <= MaxQuestionPages, $"{slug}: the questions take {key} pages, at most {MaxQuestionPages} expected");
        Assert.Contains("消防安全责任人（签名）", pdf.PageTexts[key - 1]);
        foreach (var words in new[] { "场所名称", "地址", "检查人", "检查日期", "检查人（签名）", "消防安全责任人（签名）", "附：各题隐患说明", "怎么改：", "建议期限：" })
            Assert.Contains(words, pdf.Text);
        // The in-place key never prints; the appendix gives every hazard option instead.
        Assert.DoesNotContain("这一题为什么重要", pdf.Text);
        Assert.Equal(hazardOptions, Regex.Matches(pdf.Text[pdf.Text.IndexOf("附：各题隐患说明", StringComparison.Ordinal)..], "建议期限：").Count);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.Locator(".paper-header").IsVisibleAsync());
        Assert.True(await page.Locator(".paper-end").IsVisibleAsync());
        Assert.Equal(hazardOptions, await page.Locator(".paper-key .key-option:visible").CountAsync());
        Assert.Equal(0, await page.Locator(".hazard-info-link:visible").CountAsync());
        // The checklist ends with the signatures; the key starts a page of its own, after them.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => { const [form, end, key] = ['#selfcheck-form', '.paper-end', '.paper-key'].map(s => document.querySelector(s));
                    return !!(form.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(end.compareDocumentPosition(key) & Node.DOCUMENT_POSITION_FOLLOWING); }
            """), "form, then signatures, then key");
        Assert.Equal("page", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.paper-key')).breakBefore"));
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task The_major_hazard_badge_is_legible_without_background_colours()
    {
        await using var tab = await fixture.OpenAsync(Hotel, PaperWidth, 900, javaScript: false);
        var page = tab.Page;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.Locator(".paper-key .severity-major").First.IsVisibleAsync(), "the key shows a possibly major hazard");
        var badge = page.Locator(".paper-key .severity-major").First;
        var style = await badge.EvaluateAsync<JsonElement>("""
            e => { const s = getComputedStyle(e), b = getComputedStyle(e, '::before');
              return { color: s.color, border: s.borderTopColor, width: parseFloat(s.borderTopWidth), style: s.borderTopStyle, weight: Number(s.fontWeight), before: b.content }; }
            """);
        // Printed without backgrounds, white text on a dark fill is white on white: the text itself must be dark.
        Assert.True(Luminance(style.GetProperty("color").GetString()!) < 0.2, $"text colour {style.GetProperty("color")}");
        Assert.True(Luminance(style.GetProperty("border").GetString()!) < 0.2, $"border colour {style.GetProperty("border")}");
        Assert.True(style.GetProperty("width").GetDouble() >= 2, $"border width {style.GetProperty("width")}");
        Assert.Equal("solid", style.GetProperty("style").GetString());
        Assert.True(style.GetProperty("weight").GetDouble() >= 700);
        Assert.Contains("▲", style.GetProperty("before").GetString());
        // The other levels are framed too, so a level never depends on a colour.
        foreach (var level in new[] { "general", "serious" })
        {
            var other = page.Locator($".paper-key .severity-{level}").First;
            Assert.True(Luminance(await other.EvaluateAsync<string>("e => getComputedStyle(e).color")) < 0.2, level);
            Assert.True(await other.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).borderTopWidth)") >= 1, level);
        }
    }

    [SkippableTheory]
    [InlineData("record", "打印自查记录")]
    [InlineData("report", "打印主动申报表")]
    [InlineData("pledge", "打印安全承诺书")]
    public async Task Each_document_carries_the_premises_details_one_date_format_and_full_width_tables(string kind, string button)
    {
        const string phone = "000-00000000", creditCode = "TEST0000000000000X";
        var poppler = Poppler.Require();
        await using var tab = await fixture.OpenAsync(1280, 900);
        var page = tab.Page;
        page.SetDefaultTimeout(10_000);
        await page.AddInitScriptAsync("window.print = () => { window.__printed = (window.__printed || 0) + 1; }");
        await page.GotoAsync(fixture.BaseUrl + Hotel);
        var premises = await ReachResultAsync(page);

        await page.FillAsync("#premises-name", "示例旅馆");
        await page.FillAsync("#premises-creditCode", creditCode);
        await page.FillAsync("#premises-address", "示例路 1 号");
        await page.FillAsync("#premises-checker", "张三");
        await page.FillAsync("#premises-phone", phone);
        await page.FillAsync("#premises-date", "2026-12-03");
        Assert.Equal(premises, await page.InputValueAsync("#premises-type"));
        await page.ClickAsync($"text={button}");
        await page.WaitForFunctionAsync("() => window.__printed === 1 && document.body.dataset.print");
        Assert.Equal(kind, await page.EvaluateAsync<string>("() => document.body.dataset.print"));

        await page.SetViewportSizeAsync(PaperWidth, 900);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var layout = await page.EvaluateAsync<JsonElement>("""
            () => {
              const doc = document.querySelector('#selfcheck-print .doc');
              const main = document.querySelector('main');
              const width = (e) => e.getBoundingClientRect().width;
              const lines = (e) => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
              return {
                doc: width(doc), main: main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight),
                tables: [...doc.querySelectorAll('table')].map(t => ({ table: width(t), parent: width(t.parentElement) })),
                heads: [...doc.querySelectorAll('th')].map(th => ({ text: th.textContent, lines: lines(th), overflow: th.scrollWidth - th.clientWidth })),
                cells: [...doc.querySelectorAll('td')].filter(td => td.scrollWidth > td.clientWidth).map(td => td.textContent),
              };
            }
            """);
        Assert.True(Math.Abs(layout.GetProperty("doc").GetDouble() - layout.GetProperty("main").GetDouble()) < 1, $"document {layout.GetProperty("doc")} px wide, content {layout.GetProperty("main")} px");
        var tables = layout.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(kind == "pledge" ? 0 : 1, tables.Count);
        foreach (var t in tables)
            Assert.True(Math.Abs(t.GetProperty("table").GetDouble() - t.GetProperty("parent").GetDouble()) < 1, t.ToString());
        var heads = layout.GetProperty("heads").EnumerateArray().ToList();
        if (kind != "pledge") Assert.Contains(heads, h => h.GetProperty("text").GetString() == "序号");
        foreach (var h in heads)
        {
            Assert.True(h.GetProperty("lines").GetInt32() == 1, $"header {h.GetProperty("text")} on {h.GetProperty("lines")} lines");
            Assert.True(h.GetProperty("overflow").GetDouble() <= 0, $"header {h.GetProperty("text")} overflows its cell");
        }
        Assert.Empty(layout.GetProperty("cells").EnumerateArray());

        var pdf = await PrintAsync(page, $"document-{kind}", poppler);
        Assert.True(pdf.Pages <= 4, $"{kind}: {pdf.Pages} pages");
        Assert.Contains(phone, pdf.Text);
        Assert.Contains(creditCode, pdf.Text);
        Assert.Contains(premises, pdf.Text);
        Assert.Contains("2026年12月3日", pdf.Text);
        Assert.DoesNotMatch(@"\d{4}-\d{1,2}-\d{1,2}", pdf.Text);
        if (kind == "report")
            foreach (var words in new[] { "整改完成情况", "受理意见", "受理人", "受理日期" }) Assert.Contains(words, pdf.Text);
        if (kind == "pledge")
        {
            // Where to report: the site names no channel, so the local agency, and never a made-up number.
            Assert.Contains("所在地的消防救援机构反映", pdf.Text);
            Assert.DoesNotMatch(@"\d{5,}", pdf.Text.Replace(creditCode, "").Replace(phone, ""));
        }

        tab.AssertClean();
    }

    [SkippableFact]
    public async Task The_pledge_names_the_reporting_channels_when_the_site_has_them()
    {
        // content/site.yml names no channel yet; the page is served as if it named one, obviously made up.
        await using var tab = await fixture.OpenAsync(1280, 900);
        var page = tab.Page;
        await page.AddInitScriptAsync("window.print = () => {};");
        await page.RouteAsync(fixture.BaseUrl + Hotel, async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            const string channel = """{"name":"测试用消防救援大队","phone":"000-0000000","address":"","url":"","note":"测试说明"}""";
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = html.Replace("\"channels\":[]", $"\"channels\":[{channel}]") });
        });
        await page.GotoAsync(fixture.BaseUrl + Hotel);
        await ReachResultAsync(page);
        await page.ClickAsync("text=打印安全承诺书");
        var pledge = page.Locator("#selfcheck-print [data-doc=pledge]");
        await Assertions.Expect(pledge).ToContainTextAsync("可以向下列机构反映");
        var text = await pledge.InnerTextAsync();
        Assert.Contains("测试用消防救援大队，电话：000-0000000，测试说明", text);
        Assert.DoesNotContain("所在地的消防救援机构反映", text);
        tab.AssertClean();
    }

    /// <summary>
    /// Answers the questionnaire as its content allows: a hazard for the first four unconditional
    /// questions that have one, a safe option elsewhere, then any question that appeared; submits and
    /// returns the questionnaire's premises, the default 场所类型.
    /// </summary>
    private static async Task<string> ReachResultAsync(IPage page)
    {
        using var data = JsonDocument.Parse((await page.Locator("#selfcheck-data").TextContentAsync())!);
        var hazards = 0;
        foreach (var q in data.RootElement.GetProperty("questions").EnumerateArray())
        {
            if (q.GetProperty("cond").ValueKind != JsonValueKind.Null) continue;
            var options = q.GetProperty("options").EnumerateArray().Select((o, i) => (i, o.GetProperty("o").GetString())).ToList();
            var hazard = options.FirstOrDefault(o => o.Item2 == "hazard");
            var pick = hazard.Item2 is not null && hazards < 4 ? hazard.i : options.First(o => o.Item2 != "hazard").i;
            if (pick == hazard.i && hazard.Item2 is not null) hazards++;
            await page.CheckAsync($"#q-{q.GetProperty("id").GetString()}-{pick}");
        }
        for (var i = 0; i < 100; i++)
        {
            var open = await page.EvaluateAsync<string?>("() => [...document.querySelectorAll('fieldset.question:not([hidden])')].find(f => !f.querySelector('input:checked'))?.dataset.question ?? null");
            if (open is null) break;
            await page.CheckAsync($"#q-{open}-0");
        }
        await page.ClickAsync("#selfcheck-submit");
        await Assertions.Expect(page.Locator("#premises-name")).ToBeVisibleAsync();
        return data.RootElement.GetProperty("premises").GetString()!;
    }

    private sealed record Printed(int Pages, string Text, List<string> PageTexts);

    /// <summary>Prints the page as a browser does by default (A4, no background graphics), reads its text and renders its pages to PNG.</summary>
    private static async Task<Printed> PrintAsync(IPage page, string name, Poppler poppler)
    {
        Directory.CreateDirectory(PrintDir);
        foreach (var old in Directory.GetFiles(PrintDir, name + "-*.png")) File.Delete(old);
        var path = Path.Combine(PrintDir, name + ".pdf");
        await page.PdfAsync(new PagePdfOptions { Path = path, Format = "A4", PrintBackground = false });
        var info = poppler.Run("pdfinfo", path);
        var pages = int.Parse(PagesLine().Match(info).Groups[1].Value);
        poppler.Run("pdftoppm", "-png", "-r", "60", path, Path.Combine(PrintDir, name));
        // Line breaks and the spaces poppler puts between glyphs are layout, not text.
        var texts = Enumerable.Range(1, pages)
            .Select(n => Regex.Replace(poppler.Run("pdftotext", "-enc", "UTF-8", "-f", $"{n}", "-l", $"{n}", path, "-"), @"\s+", "")).ToList();
        return new Printed(pages, string.Concat(texts), texts);
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    /// <summary>Relative luminance of a computed rgb()/rgba() colour; a transparent one counts as white, the paper.</summary>
    private static double Luminance(string css)
    {
        var parts = Regex.Matches(css, @"[\d.]+").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (parts.Length < 3 || parts.Length > 3 && parts[3] == 0) return 1;
        static double Channel(double c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(parts[0]) + 0.7152 * Channel(parts[1]) + 0.0722 * Channel(parts[2]);
    }

    /// <summary>poppler-utils (pdfinfo, pdftotext, pdftoppm): skipped without it, unless REQUIRE_BROWSER=1, where it must be there.</summary>
    internal sealed class Poppler
    {
        public static Poppler Require()
        {
            var missing = new[] { "pdfinfo", "pdftotext", "pdftoppm" }.Where(tool => Find(tool) is null).ToList();
            if (missing.Count == 0) return new Poppler();
            var reason = $"{string.Join(", ", missing)} not found: install poppler-utils (apt-get install -y poppler-utils) to read and render the printed PDFs.";
            if (Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1") throw new InvalidOperationException("REQUIRE_BROWSER=1 but " + reason);
            Skip.If(true, reason);
            return null!;
        }

        private static string? Find(string tool) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);

        public string Run(string tool, params string[] args)
        {
            var start = new ProcessStartInfo(Find(tool)!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException($"{tool} took more than 60 s"); }
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
            return output.Result;
        }
    }
}
