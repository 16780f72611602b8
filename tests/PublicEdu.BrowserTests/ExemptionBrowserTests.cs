using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PublicEdu.Generator.Rendering;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Tests.SelfChecks;

namespace PublicEdu.BrowserTests;

/// <summary>The exemption assessment in the browser: the same answers give what the generator's C# gives, and the result says it.</summary>
[Collection("browser")]
public class ExemptionBrowserTests(BrowserFixture fixture)
{
    private static readonly string Content = System.IO.Path.Combine(BrowserFixture.RepoRoot, "content");

    [SkippableFact]
    public async Task The_browser_assesses_every_case_exactly_as_the_generator_does()
    {
        fixture.RequireBrowser();
        var questionnaire = AssessmentCases.Load(Content, "small-hotel");
        var model = AssessmentModel.From(questionnaire, AssessmentCases.Rules(Content));
        var modelJson = JsonSerializer.Serialize(model, SelfCheckViewBuilder.Json);
        await using var tab = await fixture.OpenAsync("selfchecks/small-hotel/");

        foreach (var c in AssessmentCases.For(questionnaire))
        {
            var expected = ExemptionAssessor.Assess(model, c.Answers);
            c.Expect(expected);
            var csharp = JsonSerializer.Serialize(expected, SelfCheckViewBuilder.Json);
            // The JS model as C# writes it, and the page's own data, which the result script passes to assess().
            var js = await tab.Page.EvaluateAsync<string[]>(
                $$"""
                async ([url, model, answers]) => {
                  const { assess } = await import(url);
                  const page = {{PageData}};
                  return [JSON.stringify(assess(JSON.parse(model), JSON.parse(answers))), JSON.stringify(assess(page, JSON.parse(answers)))];
                }
                """,
                new[] { fixture.BaseUrl + "js/exemption.js", modelJson, JsonSerializer.Serialize(c.Answers) });
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(csharp), JsonNode.Parse(js[0])), $"{c.Name}\nC#: {csharp}\nJS: {js[0]}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(csharp), JsonNode.Parse(js[1])), $"{c.Name} on the page's data\nC#: {csharp}\nJS: {js[1]}");
        }
        tab.AssertClean();
    }

    /// <summary>
    /// The data the result script reads: the page's own, merged with the hazards document beside
    /// it, as js/selfcheck.js merges them.
    /// </summary>
    private const string PageData = """
        ({ ...JSON.parse(document.getElementById("selfcheck-data").textContent),
          ...await (await fetch(document.querySelector(".selfcheck-page").dataset.hazards)).json() })
        """;

    /// <summary>The question and option index of the option that names <paramref name="hazard"/>.</summary>
    private static (string Question, int Option) OptionFor(JsonNode data, string hazard)
    {
        foreach (var q in data["questions"]!.AsArray())
        {
            var options = q!["options"]!.AsArray();
            for (var i = 0; i < options.Count; i++)
                if (options[i]!["h"]?.GetValue<string>() == hazard) return (q["id"]!.GetValue<string>(), i);
        }
        throw new InvalidOperationException($"no option names {hazard}");
    }

    [SkippableFact]
    public async Task A_welded_exit_a_flying_lead_charger_and_two_general_items_give_no_scheme_where_the_law_gives_none()
    {
        await using var tab = await fixture.OpenAsync("selfchecks/small-hotel/", 1280, 900);
        var page = tab.Page;
        var data = JsonNode.Parse(await page.EvaluateAsync<string>($"async () => JSON.stringify({PageData})"))!;
        var hazards = data["hazards"]!.AsObject();
        var welded = OptionFor(data, "exit-sealed");
        var charger = OptionFor(data, "ebike-flying-lead");
        Assert.Equal(2, hazards["exit-sealed"]!["sev"]!.GetValue<int>());
        Assert.Equal(1, hazards["ebike-flying-lead"]!["sev"]!.GetValue<int>());
        var general = data["questions"]!.AsArray()
            .Where(q => q!["cond"] is null && q["fact"] is null && q["id"]!.GetValue<string>() != welded.Question && q["id"]!.GetValue<string>() != charger.Question)
            .Select(q => (Id: q!["id"]!.GetValue<string>(), Index: q["options"]!.AsArray().Select((o, i) => (o, i))
                .FirstOrDefault(x => x.o!["h"] is { } h && hazards[h.GetValue<string>()]!["sev"]?.GetValue<int?>() == 0 && hazards[h.GetValue<string>()]!["cause"]!.GetValue<string>().Length > 0).i))
            .Where(x => x.Index > 0).Take(2).ToList();
        Assert.Equal(2, general.Count);
        var chosen = new Dictionary<string, int> { [welded.Question] = welded.Option, [charger.Question] = charger.Option };
        foreach (var (id, index) in general) chosen[id] = index;
        // A conditional question is shown only when its parent has the right answer: open the way to each one chosen.
        var byId = data["questions"]!.AsArray().ToDictionary(q => q!["id"]!.GetValue<string>(), q => q!);
        foreach (var id in chosen.Keys.ToList())
            for (var q = byId[id]; q["cond"] is { } cond; q = byId[cond["q"]!.GetValue<string>()])
                chosen.TryAdd(cond["q"]!.GetValue<string>(), cond["o"]![0]!.GetValue<int>());

        // Every visible question answered, in order: the chosen option, or else the first that is no hazard.
        foreach (var q in data["questions"]!.AsArray())
        {
            var id = q!["id"]!.GetValue<string>();
            if (!await page.Locator($"#q-{id}").IsVisibleAsync()) continue;
            var index = chosen.TryGetValue(id, out var pick) ? pick
                : q["fact"] is not null ? 1
                : q["options"]!.AsArray().Select((o, i) => (o, i)).First(x => x.o!["o"]!.GetValue<string>() != "hazard").i;
            await page.CheckAsync($"#q-{id}-{index}");
        }
        await page.ClickAsync("#selfcheck-submit");
        var result = page.Locator("#selfcheck-result");
        await result.WaitForAsync();

        await page.SetViewportSizeAsync(1280, 900);
        await result.ScreenshotAsync(new LocatorScreenshotOptions { Path = System.IO.Path.Combine(fixture.ArtifactsDir, "selfcheck-exemption-result.png") });
        var weldedItem = result.Locator("li.hazard", new() { HasText = hazards["exit-sealed"]!["title"]!.GetValue<string>() });
        var weldedText = await weldedItem.InnerTextAsync();
        Assert.Contains("可能适用的免罚办法：不适用", weldedText);
        foreach (var scheme in new[] { "首违不罚", "轻微不罚", "小微企业首次免罚", "主动申报" })
            Assert.DoesNotContain(scheme, weldedText[weldedText.IndexOf("可能适用的免罚办法", StringComparison.Ordinal)..]);
        var major = await result.Locator(".major-hazard").InnerTextAsync();
        Assert.Contains("临时查封", major);
        Assert.Contains("《消防法》第五十四条", major);

        var chargerText = await result.Locator("li.hazard", new() { HasText = hazards["ebike-flying-lead"]!["title"]!.GetValue<string>() }).InnerTextAsync();
        Assert.DoesNotContain("首违不罚", chargerText[chargerText.IndexOf("可能适用的免罚办法", StringComparison.Ordinal)..]);

        // Why not: the scheme's block names the failed condition and the dated Hunan source.
        var firstViolation = await result.Locator(".exemption-group", new() { HasText = "首违不罚：" }).InnerTextAsync();
        Assert.Contains("首违不罚：不适用", firstViolation);
        Assert.Contains("不符合：违法行为所涉及的行政处罚案由不超过2个", firstViolation);
        Assert.Contains("《湖南省消防救援机构行政处罚案件裁量指导意见》第十三条（湖南省消防救援总队，2021-10-09", firstViolation);
        tab.AssertClean();
    }
}
