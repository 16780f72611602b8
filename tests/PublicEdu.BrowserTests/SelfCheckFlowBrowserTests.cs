using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PublicEdu.Generator.Serve;
using static PublicEdu.BrowserTests.SelfCheckBrowserTests;

namespace PublicEdu.BrowserTests;

/// <summary>
/// The way through a self-check on a phone, as GOV.UK's question pages and check-answers pattern
/// work: a URL per step, Back and Forward, reload, 修改 returning to 核对答案, one numbering,
/// the result opening on its summary, and offline once visited.
/// </summary>
[Collection("browser")]
public class SelfCheckFlowBrowserTests(BrowserFixture fixture)
{
    private const string Path = "selfchecks/small-shop-restaurant/";
    private const int Phone = 375, PhoneHeight = 812;

    private static ILocator Current(IPage page) => page.Locator("fieldset.question.wizard-current");

    private static Task<string?> CurrentIdAsync(IPage page) => Current(page).GetAttributeAsync("data-question");

    private static async Task StartAsync(IPage page)
    {
        await page.ClickAsync("#selfcheck-start");
        await Assertions.Expect(Current(page)).ToBeVisibleAsync();
    }

    /// <summary>Answers the question on screen from the plan (the first option if the plan has none) and goes on.</summary>
    private static async Task AnswerAndContinueAsync(IPage page, Dictionary<string, int> plan)
    {
        var id = await CurrentIdAsync(page);
        await page.CheckAsync($"#q-{id}-{(plan.TryGetValue(id!, out var index) ? index : 0)}");
        await page.ClickAsync(".wizard-nav .button-primary");
    }

    private static async Task WalkToCheckAnswersAsync(IPage page, Dictionary<string, int> plan)
    {
        for (var step = 0; step < 100 && !await page.Locator("#check-answers").IsVisibleAsync(); step++)
            await AnswerAndContinueAsync(page, plan);
        await Assertions.Expect(page.Locator("#check-answers")).ToBeVisibleAsync();
    }

    private static string Hash(IPage page) => new Uri(page.Url).Fragment;

    [SkippableFact]
    public async Task Back_and_forward_move_through_the_questions_and_back_to_the_start_page()
    {
        await using var tab = await fixture.OpenAsync(Path, Phone, PhoneHeight);
        var page = tab.Page;
        var plan = Plan(await QuestionsAsync(page), out _);
        await StartAsync(page);
        var first = await CurrentIdAsync(page);
        Assert.Equal($"#q-{first}", Hash(page));
        await AnswerAndContinueAsync(page, plan);
        var second = await CurrentIdAsync(page);
        await AnswerAndContinueAsync(page, plan);
        var third = await CurrentIdAsync(page);
        Assert.Equal($"#q-{third}", Hash(page));

        await page.GoBackAsync();
        await Assertions.Expect(Current(page)).ToHaveAttributeAsync("data-question", second!);
        Assert.Equal($"#q-{second}", Hash(page));
        Assert.True(await page.IsCheckedAsync($"#q-{second}-{plan.GetValueOrDefault(second!)}"), "the answer given stays chosen");
        await page.GoBackAsync();
        await Assertions.Expect(Current(page)).ToHaveAttributeAsync("data-question", first!);
        await page.GoForwardAsync();
        await Assertions.Expect(Current(page)).ToHaveAttributeAsync("data-question", second!);

        // 上一步 is Back inside the flow.
        await page.ClickAsync(".wizard-nav >> text=上一步");
        await Assertions.Expect(Current(page)).ToHaveAttributeAsync("data-question", first!);
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#selfcheck-start")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("fieldset.question:visible").CountAsync());
        Assert.EndsWith(Path, page.Url);
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_reload_on_a_question_or_on_the_outcome_shows_the_same_step_and_the_same_result()
    {
        await using var tab = await fixture.OpenAsync(Path, Phone, PhoneHeight);
        var page = tab.Page;
        var plan = Plan(await QuestionsAsync(page), out var hazards);
        await StartAsync(page);
        await AnswerAndContinueAsync(page, plan);
        await AnswerAndContinueAsync(page, plan);
        var third = await CurrentIdAsync(page);
        await page.ReloadAsync();
        await Assertions.Expect(Current(page)).ToHaveAttributeAsync("data-question", third!);

        await WalkToCheckAnswersAsync(page, plan);
        await page.ClickAsync("#check-answers >> text=查看自查结果");
        var summary = page.Locator(".result-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        Assert.Equal("#selfcheck-result", Hash(page));
        var before = await page.Locator("#selfcheck-result").InnerTextAsync();
        Assert.Contains(hazards[0].O.Label, before);

        await page.ReloadAsync();
        await Assertions.Expect(summary).ToBeVisibleAsync();
        Assert.Equal(before, await page.Locator("#selfcheck-result").InnerTextAsync());

        // An article link followed from the result, then Back: the result again, not the form.
        var lawLink = page.Locator("#selfcheck-result .hazard a[href*='laws/']").First;
        await lawLink.ClickAsync();
        await page.WaitForURLAsync(new Regex("/laws/"));
        await page.GoBackAsync();
        await Assertions.Expect(summary).ToBeVisibleAsync();
        Assert.Equal(before, await page.Locator("#selfcheck-result").InnerTextAsync());
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task After_a_change_the_flow_returns_to_check_answers()
    {
        await using var tab = await fixture.OpenAsync(Path, Phone, PhoneHeight);
        var page = tab.Page;
        var questions = await QuestionsAsync(page);
        var plan = Plan(questions, out _);
        await StartAsync(page);
        await WalkToCheckAnswersAsync(page, plan);

        var row = page.Locator("#check-answers .answer-row").Nth(2);
        var id = (await row.Locator("a").GetAttributeAsync("href"))![3..];
        var question = questions.Single(q => q.Id == id);
        // Another answer that opens no conditional question, so one tap returns to check answers.
        var other = question.Options.First(o => o.Index != plan[id] && !questions.Any(c => c.IfQuestion == id && c.IfOptions.Contains(o.Index)));
        await row.Locator("a", new LocatorLocatorOptions { HasText = "修改" }).ClickAsync();
        await Assertions.Expect(Current(page)).ToHaveAttributeAsync("data-question", id);
        await page.CheckAsync($"#q-{id}-{other.Index}");
        await page.ClickAsync(".wizard-nav .button-primary");

        await Assertions.Expect(page.Locator("#check-answers")).ToBeVisibleAsync();
        Assert.Equal("#check-answers", Hash(page));
        await Assertions.Expect(page.Locator("#check-answers .answer-row").Nth(2)).ToContainTextAsync(other.Label);
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_link_to_one_question_opens_it_on_the_desktop_too()
    {
        await using var probe = await fixture.OpenAsync(Path);
        var target = (await QuestionsAsync(probe.Page)).Where(q => q.IfQuestion is null).ElementAt(8);
        await using var tab = await fixture.OpenAsync($"{Path}#q-{target.Id}", 1280, 900);
        var box = await tab.Page.Locator($"#q-{target.Id}").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box!.Y, 0, 300);
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task Numbering_is_the_same_everywhere_with_a_condition_off_and_on()
    {
        await using var tab = await fixture.OpenAsync(Path, Phone, PhoneHeight);
        var page = tab.Page;
        var questions = await QuestionsAsync(page);
        var plan = Plan(questions, out _);
        var conditional = questions.First(q => q.IfQuestion is not null);
        var parent = questions.Single(q => q.Id == conditional.IfQuestion);

        async Task<int> AssertOneNumberingAsync()
        {
            var numbers = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('fieldset.question:not([hidden]) .q-number')].map(n => n.textContent)");
            Assert.Equal(Enumerable.Range(1, numbers.Length).Select(n => $"第 {n} 题"), numbers);
            var rows = await page.Locator("#check-answers .answer-row dt").AllInnerTextsAsync();
            Assert.Equal(Enumerable.Range(1, numbers.Length).Select(n => $"{n}."), rows.Select(r => r.Split(' ')[0]));
            await Assertions.Expect(page.Locator("#selfcheck-progress")).ToHaveTextAsync($"已回答 {numbers.Length} / {numbers.Length} 题");
            return numbers.Length;
        }

        await StartAsync(page);
        await WalkToCheckAnswersAsync(page, plan);
        var always = questions.Count(q => q.IfQuestion is null);
        Assert.Equal(always, await AssertOneNumberingAsync());

        // Open the conditional question: it is asked next, numbered in place, and the rest move down by one.
        await page.ClickAsync($"#check-answers a[href='#q-{parent.Id}']");
        await page.CheckAsync($"#q-{parent.Id}-{conditional.IfOptions[0]}");
        await page.ClickAsync(".wizard-nav .button-primary");
        await Assertions.Expect(Current(page)).ToHaveAttributeAsync("data-question", conditional.Id);
        var shown = questions.Where(q => q.IfQuestion is null || q.IfQuestion == parent.Id && q.IfOptions.Contains(conditional.IfOptions[0])).ToList();
        var expectedNumber = shown.IndexOf(conditional) + 1;
        await Assertions.Expect(Current(page).Locator(".q-number")).ToHaveTextAsync($"第 {expectedNumber} 题");
        await Assertions.Expect(page.Locator("#selfcheck-progress")).ToHaveTextAsync($"第 {expectedNumber} 题，共 {shown.Count} 题");
        await WalkToCheckAnswersAsync(page, plan);
        Assert.True(await AssertOneNumberingAsync() >= shown.Count);

        // The list card counts the same way: the questions always asked, and the conditional ones apart.
        await page.GotoAsync(fixture.BaseUrl + "selfchecks/");
        var card = page.Locator(".card", new PageLocatorOptions { Has = page.Locator($"a[href$='{Path}']") });
        await Assertions.Expect(card.Locator(".card-meta")).ToContainTextAsync($"{always} 题，视您的回答最多另加 {questions.Count - always} 题");
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task The_outcome_opens_on_its_summary_with_a_timeline_at_the_top_of_the_screen()
    {
        await using var tab = await fixture.OpenAsync(Path, Phone, PhoneHeight);
        var page = tab.Page;
        var plan = Plan(await QuestionsAsync(page), out var hazards);
        await StartAsync(page);
        await WalkToCheckAnswersAsync(page, plan);
        await page.ClickAsync("#check-answers >> text=查看自查结果");
        var summary = page.Locator(".result-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        var box = await summary.BoundingBoxAsync();
        Assert.InRange(box!.Y, 0, PhoneHeight / 3);
        Assert.Contains("总体风险", await summary.Locator(".risk-level").InnerTextAsync());
        // The timeline lists every hazard found, each under one deadline and linked to its detail below.
        var entries = summary.Locator(".timeline a");
        Assert.Equal(hazards.Count, await entries.CountAsync());
        var href = await entries.First.GetAttributeAsync("href");
        Assert.Equal(1, await page.Locator(href!).CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(fixture.ArtifactsDir, "selfcheck-outcome-top-375.png") });
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task Start_page_question_check_answers_and_outcome_pass_axe_and_do_not_scroll_sideways_at_320()
    {
        foreach (var elder in new[] { false, true })
        {
            await using var tab = await fixture.OpenAsync(320, 700);
            var page = tab.Page;
            if (elder) await page.AddInitScriptAsync("localStorage.setItem('publicedu:elder', 'on')");
            await page.GotoAsync(fixture.BaseUrl + Path);
            var plan = Plan(await QuestionsAsync(page), out _);

            async Task CheckStateAsync(string state)
            {
                await tab.AssertAccessibleAsync();
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                var culprits = overflow <= 0 ? "" : await page.EvaluateAsync<string>(
                    "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
                Assert.True(overflow <= 0, $"{state}{(elder ? " in large text" : "")} is {overflow}px wider than the screen: {culprits}");
            }

            await CheckStateAsync("the start page");
            await StartAsync(page);
            await CheckStateAsync("a question");
            await WalkToCheckAnswersAsync(page, plan);
            await CheckStateAsync("check answers");
            await page.ClickAsync("#check-answers >> text=查看自查结果");
            await Assertions.Expect(page.Locator(".result-summary")).ToBeVisibleAsync();
            await CheckStateAsync("the outcome");
            tab.AssertClean();
        }
    }

    [SkippableFact]
    public async Task The_home_page_and_each_start_page_have_a_start_button_above_the_fold_on_a_phone()
    {
        await using var tab = await fixture.OpenAsync("", Phone, PhoneHeight);
        var button = tab.Page.Locator(".hero .button-start");
        var box = await button.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box!.Y + box.Height <= PhoneHeight, $"the start button ends at {box.Y + box.Height}px");
        await button.ClickAsync();
        await tab.Page.WaitForURLAsync(new Regex("/selfchecks/$"));

        // Each questionnaire's start page has its own start button on the first screen.
        await tab.Page.GotoAsync(fixture.BaseUrl + Path);
        var start = await tab.Page.Locator("#selfcheck-start").BoundingBoxAsync();
        Assert.True(start!.Y + start.Height <= PhoneHeight, $"the questionnaire's start button ends at {start.Y + start.Height}px");
        tab.AssertClean();
    }

    [SkippableFact]
    public async Task A_visited_self_check_works_offline_and_gives_its_result()
    {
        var offline = false;
        await using var host = await LoopbackHost.StartAsync(fixture.OutputDir, 0, context =>
        {
            if (!offline) return null;
            context.Abort();
            return Task.CompletedTask;
        });
        await using var tab = await fixture.OpenAsync(1280, 900);
        var page = tab.Page;
        await page.GotoAsync(host.BaseUrl + Path);
        var plan = Plan(await QuestionsAsync(page), out _);
        // Offline support is ready once the page has put itself and its scripts into the cache.
        await page.WaitForSelectorAsync(".selfcheck-page[data-offline=ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        var cached = await page.EvaluateAsync<string[]>("async () => (await (await caches.open('publicedu-offline')).keys()).map(r => r.url)");
        Assert.Contains(cached, url => url.EndsWith("/js/selfcheck-result.js"));
        Assert.Contains(cached, url => url.Contains("/hazards.json?v="));
        Assert.DoesNotContain(cached, url => url.Contains('#') || url.Contains("answers"));

        offline = true;
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#selfcheck-form")).ToBeVisibleAsync();
        await AnswerAsync(page, plan);
        await page.ClickAsync("#selfcheck-submit");
        await Assertions.Expect(page.Locator(".result-summary")).ToBeVisibleAsync();
        Assert.Contains("总体风险", await page.Locator(".risk-level").InnerTextAsync());
    }
}
