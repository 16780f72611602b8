using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PublicEdu.BrowserTests;

/// <summary>
/// The self-check as a visitor uses it. The tests read the questionnaire's own data from the page,
/// so they follow the content: which options are hazards, which questions are conditional.
/// </summary>
[Collection("browser")]
public class SelfCheckBrowserTests(BrowserFixture fixture)
{
    private const string Path = "selfchecks/small-shop-restaurant/";

    internal sealed record Option(int Index, string Label, string Outcome);

    internal sealed record Question(string Id, int Number, string? IfQuestion, int[] IfOptions, Option[] Options);

    internal static async Task<List<Question>> QuestionsAsync(IPage page)
    {
        var json = await page.Locator("#selfcheck-data").TextContentAsync();
        using var doc = JsonDocument.Parse(json!);
        return doc.RootElement.GetProperty("questions").EnumerateArray().Select(q => new Question(
            q.GetProperty("id").GetString()!,
            q.GetProperty("n").GetInt32(),
            q.GetProperty("cond").ValueKind == JsonValueKind.Null ? null : q.GetProperty("cond").GetProperty("q").GetString(),
            q.GetProperty("cond").ValueKind == JsonValueKind.Null ? [] : q.GetProperty("cond").GetProperty("o").EnumerateArray().Select(o => o.GetInt32()).ToArray(),
            q.GetProperty("options").EnumerateArray().Select((o, i) => new Option(i, o.GetProperty("l").GetString()!, o.GetProperty("o").GetString()!)).ToArray())).ToList();
    }

    /// <summary>Answers for every unconditional question: a hazard for the first two that have one, otherwise a safe option.</summary>
    internal static Dictionary<string, int> Plan(List<Question> questions, out List<(Question Q, Option O)> hazards)
    {
        hazards = [];
        var plan = new Dictionary<string, int>();
        foreach (var q in questions.Where(q => q.IfQuestion is null))
        {
            var hazard = q.Options.FirstOrDefault(o => o.Outcome == "hazard");
            if (hazard is not null && hazards.Count < 2)
            {
                hazards.Add((q, hazard));
                plan[q.Id] = hazard.Index;
                continue;
            }
            // Choose an option that opens no conditional question, to keep the path simple.
            var safe = q.Options.Where(o => o.Outcome != "hazard")
                .FirstOrDefault(o => !questions.Any(c => c.IfQuestion == q.Id && c.IfOptions.Contains(o.Index)))
                ?? q.Options.First(o => o.Outcome != "hazard");
            plan[q.Id] = safe.Index;
        }
        return plan;
    }

    internal static async Task AnswerAsync(IPage page, Dictionary<string, int> plan)
    {
        foreach (var (id, index) in plan) await page.CheckAsync($"#q-{id}-{index}");
    }

    [SkippableFact]
    public async Task Completed_by_keyboard_alone_with_two_hazards_the_result_lists_exactly_those()
    {
        await using var tab = await fixture.OpenAsync(Path, 1280, 900);
        var page = tab.Page;
        var questions = await QuestionsAsync(page);
        var plan = Plan(questions, out var hazards);
        Assert.Equal(2, hazards.Count);

        await page.Locator("#selfcheck-form input[type=radio]").First.FocusAsync();
        var answered = new HashSet<string>();
        for (var presses = 0; presses < 600 && answered.Count < plan.Count; presses++)
        {
            var active = await page.EvaluateAsync<string?>("() => document.activeElement?.type === 'radio' ? document.activeElement.id : null");
            if (active is not null)
            {
                var id = active[2..active.LastIndexOf('-')];
                if (plan.TryGetValue(id, out var wanted) && answered.Add(id))
                {
                    // A radio group takes focus on its first option; arrows move and select, Space selects.
                    if (wanted == 0) await page.Keyboard.PressAsync("Space");
                    for (var i = 0; i < wanted; i++) await page.Keyboard.PressAsync("ArrowDown");
                }
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal(plan.Count, answered.Count);
        for (var presses = 0; presses < 50 && await page.EvaluateAsync<string?>("() => document.activeElement?.id") != "selfcheck-submit"; presses++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        var result = page.Locator("#selfcheck-result");
        await Assertions.Expect(result).ToBeVisibleAsync();
        Assert.Equal("selfcheck-result", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var items = result.Locator(".hazard-list > li");
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage)");
        Assert.True(await items.CountAsync() == 2, $"plan {string.Join(",", plan.Select(p => p.Key + "=" + p.Value))}\nstored {stored}\nresult {await result.InnerTextAsync()}\nconsole {string.Join("\n", tab.ConsoleErrors)}");
        foreach (var (q, option) in hazards)
        {
            var item = items.Filter(new LocatorFilterOptions { HasText = $"第 {q.Number} 题" });
            Assert.Equal(1, await item.CountAsync());
            var text = await item.InnerTextAsync();
            Assert.Contains(option.Label, text);
            Assert.Contains("怎么改：", text);
            Assert.Contains("违反：", text);
            Assert.True(await item.Locator("details .article-text").CountAsync() > 0, "article text is in the page");
            Assert.Matches("可能的处罚|没有直接规定罚款", text);
            // Each hazard says which leniency schemes may apply to it, or why none does.
            Assert.Contains("可能适用的免罚办法：", text);
        }
        // The assessment cites its sources, national and Hunan's, with their dates.
        var voluntary = await result.Locator(".voluntary").InnerTextAsync();
        Assert.Contains("行政处罚法》第三十三条", voluntary);
        Assert.Contains("2021-10-09", voluntary);
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_conditional_question_appears_and_disappears()
    {
        await using var tab = await fixture.OpenAsync(Path);
        var page = tab.Page;
        var questions = await QuestionsAsync(page);
        var conditional = questions.First(q => q.IfQuestion is not null && questions.Single(p => p.Id == q.IfQuestion).IfQuestion is null);
        var parent = questions.Single(q => q.Id == conditional.IfQuestion);
        var other = parent.Options.First(o => !conditional.IfOptions.Contains(o.Index));
        var fieldset = page.Locator($"#q-{conditional.Id}");
        await Assertions.Expect(fieldset).ToBeHiddenAsync();
        await page.CheckAsync($"#q-{parent.Id}-{conditional.IfOptions[0]}");
        await Assertions.Expect(fieldset).ToBeVisibleAsync();
        await page.CheckAsync($"#q-{parent.Id}-{other.Index}");
        await Assertions.Expect(fieldset).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Answers_survive_a_reload_and_round_trip_through_export_and_import()
    {
        await using var tab = await fixture.OpenAsync(Path);
        var page = tab.Page;
        var questions = await QuestionsAsync(page);
        var first = questions[0];
        var second = questions.First(q => q.IfQuestion is null && q != first);
        await page.CheckAsync($"#q-{first.Id}-1");
        await page.CheckAsync($"#q-{second.Id}-0");

        await page.ReloadAsync();
        Assert.True(await page.IsCheckedAsync($"#q-{first.Id}-1"));
        Assert.True(await page.IsCheckedAsync($"#q-{second.Id}-0"));
        Assert.Contains("已恢复", await page.Locator("#selfcheck-status").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action=export]"));
        var exported = System.IO.Path.Combine(fixture.ArtifactsDir, "exported-answers.json");
        await download.SaveAsAsync(exported);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(exported)))
            Assert.Equal(1, json.RootElement.GetProperty("answers").GetProperty(first.Id).GetInt32());

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("[data-action=clear]");
        Assert.False(await page.IsCheckedAsync($"#q-{first.Id}-1"));

        await page.SetInputFilesAsync("#selfcheck-import", exported);
        await Assertions.Expect(page.Locator($"#q-{first.Id}-1")).ToBeCheckedAsync();
        Assert.True(await page.IsCheckedAsync($"#q-{second.Id}-0"));

        // A corrupt file and another questionnaire's file are refused and change nothing.
        await page.SetInputFilesAsync("#selfcheck-import", new FilePayload { Name = "bad.json", MimeType = "application/json", Buffer = "{ not json"u8.ToArray() });
        await Assertions.Expect(page.Locator("#selfcheck-status")).ToContainTextAsync("无法导入");
        await page.SetInputFilesAsync("#selfcheck-import", new FilePayload
        {
            Name = "other.json", MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("{\"format\":\"publicedu-selfcheck\",\"slug\":\"elderly-care\",\"answers\":{}}"),
        });
        await Assertions.Expect(page.Locator("#selfcheck-status")).ToContainTextAsync("不是本问卷");
        Assert.True(await page.IsCheckedAsync($"#q-{first.Id}-1"));
    }

    [SkippableFact]
    public async Task Saved_answers_from_another_version_are_offered_not_applied()
    {
        await using var tab = await fixture.OpenAsync(Path);
        var page = tab.Page;
        var first = (await QuestionsAsync(page))[0];
        await page.EvaluateAsync($$"""() => localStorage.setItem("publicedu:selfcheck:small-shop-restaurant", JSON.stringify({ format: "publicedu-selfcheck", slug: "small-shop-restaurant", version: "old", answers: { "{{first.Id}}": 1 } }))""");
        await page.ReloadAsync();
        Assert.False(await page.IsCheckedAsync($"#q-{first.Id}-1"));
        Assert.Contains("更新过", await page.Locator("#selfcheck-status").InnerTextAsync());
        await page.ClickAsync("#selfcheck-status button");
        Assert.True(await page.IsCheckedAsync($"#q-{first.Id}-1"));

        // Saved with the option's words, an old answer finds its option by them even when options moved,
        // and an answer whose option no longer exists is dropped, never moved onto another option.
        var second = (await QuestionsAsync(page))[1];
        var moved = JsonSerializer.Serialize(new
        {
            format = "publicedu-selfcheck", slug = "small-shop-restaurant", version = "old",
            answers = new Dictionary<string, int> { [first.Id] = 0, [second.Id] = 0 },
            labels = new Dictionary<string, string> { [first.Id] = first.Options[1].Label, [second.Id] = "这个选项已经删掉了" },
        });
        await page.EvaluateAsync("saved => localStorage.setItem('publicedu:selfcheck:small-shop-restaurant', saved)", moved);
        await page.ReloadAsync();
        await page.ClickAsync("#selfcheck-status button");
        Assert.True(await page.IsCheckedAsync($"#q-{first.Id}-1"));
        Assert.False(await page.IsCheckedAsync($"#q-{second.Id}-0"));
        Assert.Contains("另有 1 个答案的选项已经改动或删除", await page.Locator("#selfcheck-status").InnerTextAsync());

        await page.EvaluateAsync("""() => localStorage.setItem("publicedu:selfcheck:small-shop-restaurant", "{corrupt")""");
        await page.ReloadAsync();
        Assert.Contains("已损坏", await page.Locator("#selfcheck-status").InnerTextAsync());
        Assert.Empty(tab.ConsoleErrors);
    }

    [SkippableTheory]
    [InlineData("full", "throw new DOMException('quota', 'QuotaExceededError')")]
    [InlineData("private", "throw new DOMException('denied', 'SecurityError')")]
    public async Task When_the_browser_cannot_save_the_visitor_is_told_and_the_answers_still_work(string mode, string failure)
    {
        await using var tab = await fixture.OpenAsync();
        var page = tab.Page;
        // A full store, or a private window that refuses storage: setItem throws.
        await page.AddInitScriptAsync($"Storage.prototype.setItem = function () {{ {failure}; }};");
        await page.GotoAsync(fixture.BaseUrl + Path);
        var first = (await QuestionsAsync(page))[0];
        await page.CheckAsync($"#q-{first.Id}-0");
        await Assertions.Expect(page.Locator("#selfcheck-status")).ToContainTextAsync("无法在本机保存答案");
        Assert.True(await page.IsCheckedAsync($"#q-{first.Id}-0"), mode);
        await Assertions.Expect(page.Locator("#selfcheck-progress")).ToContainTextAsync("已回答 1");
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_link_to_one_question_opens_that_question_on_a_phone()
    {
        await using var probe = await fixture.OpenAsync(Path, 375, 812);
        var target = (await QuestionsAsync(probe.Page)).Where(q => q.IfQuestion is null).ElementAt(5);
        await using var tab = await fixture.OpenAsync($"{Path}#q-{target.Id}", 375, 812);
        var current = tab.Page.Locator(".question.wizard-current");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        Assert.Equal($"q-{target.Id}", await current.GetAttributeAsync("id"));
        Assert.True(await tab.Page.Locator($"#q-{target.Id}").IsVisibleAsync());
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task On_a_phone_it_asks_one_question_per_screen_then_checks_answers()
    {
        await using var tab = await fixture.OpenAsync(Path, 375, 812);
        var page = tab.Page;
        var questions = await QuestionsAsync(page);
        Assert.Equal(0, await page.Locator("fieldset.question:visible").CountAsync());
        await page.ClickAsync("#selfcheck-start");
        Assert.Equal(1, await page.Locator("fieldset.question:visible").CountAsync());
        await Assertions.Expect(page.Locator("#selfcheck-progress")).ToContainTextAsync("第 1 题，共");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(fixture.ArtifactsDir, "selfcheck-question-375.png") });

        await page.ClickAsync(".wizard-nav .button-primary");
        await Assertions.Expect(page.Locator("#selfcheck-errors")).ToBeVisibleAsync();
        Assert.Equal("selfcheck-errors", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        var plan = Plan(questions, out _);
        for (var step = 0; step < 100 && await page.Locator(".wizard-nav").IsVisibleAsync(); step++)
        {
            var id = await page.Locator("fieldset.question.wizard-current").GetAttributeAsync("data-question");
            await page.CheckAsync($"#q-{id}-{(plan.TryGetValue(id!, out var index) ? index : 0)}");
            await page.ClickAsync(".wizard-nav .button-primary");
            if (await page.Locator(".check-answers").IsVisibleAsync()) break;
        }
        var check = page.Locator(".check-answers");
        await Assertions.Expect(check).ToBeVisibleAsync();
        Assert.Equal(plan.Count, await check.Locator(".answer-row").CountAsync());

        await page.ClickAsync(".check-answers >> text=查看自查结果");
        await Assertions.Expect(page.Locator("#selfcheck-result")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(fixture.ArtifactsDir, "selfcheck-result-375.png"), FullPage = true });
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task The_printed_record_shows_every_answer()
    {
        await using var tab = await fixture.OpenAsync(Path);
        var page = tab.Page;
        var questions = await QuestionsAsync(page);
        var plan = Plan(questions, out _);
        await AnswerAsync(page, plan);
        await page.ClickAsync("#selfcheck-submit");
        await page.FillAsync("#premises-name", "示例旅馆");
        await page.EvaluateAsync("() => { window.print = () => {}; }");
        await page.ClickAsync("text=打印自查记录");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var record = page.Locator("#selfcheck-print [data-doc=record]");
        await Assertions.Expect(record).ToBeVisibleAsync();
        Assert.False(await page.Locator("#selfcheck-form").IsVisibleAsync());
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        var rows = record.Locator("tbody tr");
        Assert.Equal(plan.Count, await rows.CountAsync());
        var text = await record.InnerTextAsync();
        Assert.Contains("示例旅馆", text);
        foreach (var q in questions.Where(q => plan.ContainsKey(q.Id)))
            Assert.Contains(q.Options[plan[q.Id]].Label, text);
        await page.PdfAsync(new PagePdfOptions { Path = System.IO.Path.Combine(fixture.ArtifactsDir, "selfcheck-record.pdf") });
    }

    [SkippableFact]
    public async Task Without_JavaScript_the_checklist_is_readable()
    {
        await using var tab = await fixture.OpenAsync(Path, javaScript: false);
        var page = tab.Page;
        var fieldsets = page.Locator("fieldset.question");
        var count = await fieldsets.CountAsync();
        Assert.True(count >= 15, $"{count} questions");
        Assert.Equal(count, await page.Locator("fieldset.question:visible").CountAsync());
        Assert.True(await page.Locator(".q-condition").First.IsVisibleAsync());
        Assert.False(await page.Locator("#selfcheck-submit").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task The_form_and_the_result_pass_axe()
    {
        await using var tab = await fixture.OpenAsync(Path);
        var page = tab.Page;
        await tab.AssertAccessibleAsync();
        await AnswerAsync(page, Plan(await QuestionsAsync(page), out _));
        await page.ClickAsync("#selfcheck-submit");
        await Assertions.Expect(page.Locator("#selfcheck-result")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await page.GotoAsync(fixture.BaseUrl + "selfchecks/");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ForeignRequests);
    }


    [SkippableFact]
    public async Task Each_question_opens_its_own_key_once_answered_and_without_JavaScript_links_to_the_appendix()
    {
        const string hotel = "selfchecks/small-hotel/";
        await using var tab = await fixture.OpenAsync(hotel, 1280, 900);
        var page = tab.Page;
        using var data = JsonDocument.Parse(await page.EvaluateAsync<string>("""
            async () => JSON.stringify({ ...JSON.parse(document.getElementById("selfcheck-data").textContent),
              ...await (await fetch(document.querySelector(".selfcheck-page").dataset.hazards)).json() })
            """));
        var hazards = data.RootElement.GetProperty("hazards");
        var alone = data.RootElement.GetProperty("alone");
        // A question always asked whose hazard option a scheme could spare alone, and one whose option may be a major hazard.
        var unconditional = data.RootElement.GetProperty("questions").EnumerateArray()
            .Where(q => q.GetProperty("cond").ValueKind == JsonValueKind.Null).Select(q => q.GetProperty("id").GetString()!).ToHashSet();
        var spared = alone.EnumerateObject().First(p => unconditional.Contains(p.Name.Split('/')[0]));
        var (sparedQuestion, sparedOption) = (spared.Name.Split('/')[0], int.Parse(spared.Name.Split('/')[1]));
        var major = data.RootElement.GetProperty("questions").EnumerateArray()
            .Where(q => unconditional.Contains(q.GetProperty("id").GetString()!))
            .Select(q => (Id: q.GetProperty("id").GetString()!, Options: q.GetProperty("options").EnumerateArray().ToList()))
            .Select(q => (q.Id, Index: q.Options.FindIndex(o => o.GetProperty("h").GetString() is { } h && hazards.GetProperty(h).GetProperty("sev").ValueKind == JsonValueKind.Number && hazards.GetProperty(h).GetProperty("sev").GetInt32() == 2)))
            .First(q => q.Index >= 0 && q.Id != sparedQuestion);

        // The appendix is for paper and for readers without JavaScript; here each question has its own key, hidden until answered.
        Assert.False(await page.Locator(".paper-key").IsVisibleAsync());
        Assert.Equal(0, await page.Locator(".hazard-info-link").CountAsync());
        var key = page.Locator($"#q-{sparedQuestion} details.hazard-info");
        Assert.False(await key.IsVisibleAsync());
        await page.CheckAsync($"#q-{sparedQuestion}-{sparedOption}");
        await key.Locator("summary").ClickAsync();
        await Assertions.Expect(key.Locator(".hazard-detail").First).ToBeVisibleAsync();
        var schemes = string.Join("、", spared.Value.EnumerateArray().Select(s => s.GetString()));
        await Assertions.Expect(key).ToContainTextAsync($"主动整改能否免罚：可能适用{schemes}（还要看其他条件，由消防救援机构决定）");
        var breaks = hazards.GetProperty(data.RootElement.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("id").GetString() == sparedQuestion)
            .GetProperty("options")[sparedOption].GetProperty("h").GetString()!).GetProperty("breaks")[0];
        Assert.Equal(breaks.GetProperty("refs")[0].GetProperty("href").GetString(), await key.Locator("a.cite").First.GetAttributeAsync("href"));
        // A link the script built previews its article as the page's own citation links do.
        await key.Locator("a.cite").First.HoverAsync();
        await Assertions.Expect(page.Locator("#cite-preview")).ToBeVisibleAsync();
        var cited = await key.Locator("a.cite").First.GetAttributeAsync("data-cite");
        var title = await page.EvaluateAsync<string>("key => JSON.parse(document.getElementById('cite-data').textContent)[key].t", cited);
        await Assertions.Expect(page.Locator("#cite-preview .cite-preview-title")).ToHaveTextAsync(title);

        var majorKey = page.Locator($"#q-{major.Id} details.hazard-info");
        await page.CheckAsync($"#q-{major.Id}-{major.Index}");
        await majorKey.Locator("summary").ClickAsync();
        await Assertions.Expect(majorKey).ToContainTextAsync("主动整改能否免罚：不适用：可能构成重大火灾隐患");
        await Assertions.Expect(majorKey.Locator(".severity-major").First).ToBeVisibleAsync();
        tab.AssertClean();

        await using var plain = await fixture.OpenAsync(hotel, 1280, 900, javaScript: false);
        var link = plain.Page.Locator($"#q-{sparedQuestion} .hazard-info-link a");
        Assert.Equal($"#key-{sparedQuestion}", await link.GetAttributeAsync("href"));
        await link.ClickAsync();
        var entry = plain.Page.Locator($"#key-{sparedQuestion}");
        await Assertions.Expect(entry).ToBeInViewportAsync();
        Assert.Equal(await key.Locator(".hazard-detail").CountAsync(), await entry.Locator(".key-option").CountAsync());
    }
}
