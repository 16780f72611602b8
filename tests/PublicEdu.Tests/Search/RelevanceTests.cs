using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Search;
using PublicEdu.Tests.Support;
using Xunit.Abstractions;
using PublicEdu.Generator.Load;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Tests.Search;

/// <summary>
/// Queries as a visitor would type them, each with the places a good answer lives (URL prefixes).
/// A query scores 1/rank of the first acceptable result within the top three, else 0; the mean
/// (MRR) must stay at or above 0.85. The report lists every query, so a regression shows where.
/// </summary>
public class RelevanceTests(ITestOutputHelper output)
{
    public static readonly (string Query, string[] Good)[] Set =
    [
        ("灭火器过期", ["articles/extinguisher-basics/", "selfchecks/small-hotel/#q-extinguisher", "selfchecks/small-shop-restaurant/#q-extinguisher", "selfchecks/elderly-care/#q-extinguisher", "selfchecks/multi-use-premises/#q-extinguisher", "selfchecks/rental-housing/#q-extinguisher", "selfchecks/high-rise-residential/#q-extinguisher"]),
        ("电动车充电", ["guides/e-bike-charging/", "selfchecks/", "laws/high-rise-rules/#art-37"]),
        ("楼道堆放杂物", ["guides/keep-escape-routes-clear/", "selfchecks/", "laws/fire-protection-law/#art-28", "laws/high-rise-rules/"]),
        ("首次违法不罚", ["guides/first-violation-exemption/", "laws/administrative-penalty-law/#art-33"]),
        ("消防法第六十条", ["laws/fire-protection-law/#art-60"]),
        ("罚款多少", ["laws/fire-protection-law/#art-60", "laws/fire-protection-law/#art-6", "articles/typical-case-blocked-exit/", "guides/"]),
        ("群租房", ["selfchecks/rental-housing/"]),
        ("高层住宅 物业", ["selfchecks/high-rise-residential/", "laws/high-rise-rules/"]),
        ("行政处罚法 33条", ["laws/administrative-penalty-law/#art-33"]),
        ("行政处罚法第三十二条", ["laws/administrative-penalty-law/#art-32"]),
        ("消防法28条", ["laws/fire-protection-law/#art-28"]),
        ("主动申报", ["guides/voluntary-reporting/"]),
        ("轻微不罚", ["guides/first-violation-exemption/", "laws/administrative-penalty-law/#art-33"]),
        ("首违不罚", ["guides/first-violation-exemption/", "laws/administrative-penalty-law/#art-33"]),
        ("重大火灾隐患", ["guides/general-vs-major-hazards/"]),
        ("一般火灾隐患和重大火灾隐患的区别", ["guides/general-vs-major-hazards/"]),
        ("自查记录怎么写", ["guides/self-check-records/"]),
        ("安全出口上锁", ["guides/keep-escape-routes-clear/", "selfchecks/", "laws/fire-protection-law/#art-28", "laws/fire-protection-law/#art-60"]),
        ("防盗网", ["selfchecks/", "laws/fire-protection-law/#art-28", "laws/fire-protection-law/#art-60", "guides/keep-escape-routes-clear/"]),
        ("消防车通道", ["laws/fire-protection-law/#art-28", "laws/fire-protection-law/#art-60", "selfchecks/", "laws/high-rise-rules/"]),
        ("液化气钢瓶", ["selfchecks/"]),
        ("动火作业", ["laws/fire-protection-law/#art-21", "selfchecks/", "laws/high-rise-rules/"]),
        ("电焊", ["laws/fire-protection-law/#art-21", "selfchecks/", "laws/high-rise-rules/"]),
        ("烟感报警器", ["selfchecks/", "articles/"]),
        ("应急照明", ["selfchecks/", "laws/"]),
        ("疏散指示标志", ["selfchecks/", "laws/fire-protection-law/#art-16"]),
        ("消火栓被挡住", ["selfchecks/", "laws/fire-protection-law/#art-28", "laws/fire-protection-law/#art-60"]),
        ("住人", ["selfchecks/multi-use-premises/", "selfchecks/small-shop-restaurant/", "laws/fire-protection-law/#art-19", "laws/fire-protection-law/#art-61"]),
        ("三合一", ["selfchecks/multi-use-premises/", "laws/fire-protection-law/#art-19"]),
        ("养老院夜间值班", ["selfchecks/elderly-care/"]),
        ("民宿", ["selfchecks/small-hotel/"]),
        ("小旅馆消防检查", ["selfchecks/small-hotel/"]),
        ("饭店厨房燃气", ["selfchecks/small-shop-restaurant/"]),
        ("防火门常闭", ["laws/high-rise-rules/#art-28", "selfchecks/", "laws/fire-protection-law/#art-28"]),
        ("消防安全责任人", ["laws/fire-protection-law/#art-16", "selfchecks/", "laws/high-rise-rules/"]),
        ("消防培训演练", ["selfchecks/", "laws/fire-protection-law/#art-16", "laws/fire-protection-law/#art-17", "laws/high-rise-rules/"]),
        ("长沙火灾隐患清理", ["articles/2024-03-changsha-hazard-cleanup/"]),
        ("拒不改正", ["laws/fire-protection-law/#art-60", "laws/high-rise-rules/#art-47", "laws/"]),
        ("隐私 答案保存", ["privacy/"]),
        ("119", ["articles/", "guides/", "laws/fire-protection-law/#art-44", "laws/fire-protection-law/#art-5", "", "about/"]),
        ("装修材料", ["selfchecks/", "laws/fire-protection-law/#art-26"]),
        ("电气线路私拉乱接", ["selfchecks/", "laws/fire-protection-law/#art-27"]),
    ];

    /// <summary>Queries for the pages issue 16 added: each must find its page among the first three results.</summary>
    public static readonly TheoryData<string, string> NewContent = new()
    {
        { "文物 香火", "selfchecks/heritage-buildings/" },
        { "祠堂 蜡烛", "selfchecks/heritage-buildings/" },
        { "仓库 住人", "selfchecks/warehouses-logistics/" },
        { "叉车充电", "selfchecks/warehouses-logistics/" },
        { "作坊 宿舍", "selfchecks/small-workshops/" },
        { "制衣厂 员工宿舍", "selfchecks/small-workshops/" },
        { "防火巡查", "laws/fire-safety-management-rules/" },
        { "安全生产法 主要负责人", "laws/work-safety-law/" },
        { "简易喷淋", "guides/simple-sprinklers-and-smoke-alarms/" },
        { "听证", "guides/fire-inspection/" },
        { "公示承诺", "guides/self-check-and-public-pledge/" },
        { "五进宣传", "guides/campaign-teams/" },
        { "常见问题", "guides/faq/" },
    };

    private static readonly Lazy<(SearchIndex Index, SearchEngine Engine)> Engine = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var resolved = SiteResolver.Resolve(ContentLoader.Load(RepoPaths.Content, diagnostics)!, diagnostics);
        var index = SearchIndex.Build(SearchDocumentBuilder.Build(resolved), SearchIndex.LawNamesOf(resolved.Laws));
        return (index, new SearchEngine(index));
    });

    [Theory]
    [MemberData(nameof(NewContent))]
    public void A_query_for_new_content_finds_its_page_in_the_top_three(string query, string page)
    {
        var (index, engine) = Engine.Value;
        var top = engine.Search(query).Take(3).Select(r => index.Documents[r.Doc].Url).ToList();
        Assert.True(top.Any(url => url.StartsWith(page, StringComparison.Ordinal)), $"{query}: {string.Join(" | ", top)}");
    }

    [Fact]
    public void Mean_reciprocal_rank_of_the_relevance_set_is_at_least_085()
    {
        var (index, engine) = Engine.Value;
        var total = 0.0;
        var report = new List<string>();
        foreach (var (query, good) in Set)
        {
            var top = engine.Search(query).Take(3).Select(r => index.Documents[r.Doc].Url).ToList();
            var rank = top.FindIndex(url => good.Any(g => g.Length == 0 ? url.Length == 0 : url.StartsWith(g, StringComparison.Ordinal))) + 1;
            total += rank > 0 ? 1.0 / rank : 0;
            report.Add($"{(rank > 0 ? rank.ToString() : "-")} {query}: {string.Join(" | ", top)}");
        }
        var mrr = total / Set.Length;
        output.WriteLine($"MRR {mrr:0.000} over {Set.Length} queries");
        foreach (var line in report) output.WriteLine(line);
        Assert.True(Set.Length >= 40);
        Assert.True(mrr >= 0.85, $"MRR {mrr:0.000}\n" + string.Join("\n", report));
    }
}
