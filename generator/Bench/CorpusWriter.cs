using System.Globalization;
using System.Text;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.Bench;

/// <summary>
/// Writes a realistic Chinese site of N pages for benchmarks: guides and articles with headings,
/// lists, tables and citations of articles the real law digests contain, added to a copy of the
/// real site, plus copies of its questionnaires (one per 200 pages). The same N always gives the
/// same files (fixed seed, no clock).
/// </summary>
public static class CorpusWriter
{
    private static readonly string[] Places = ["小旅馆", "民宿", "出租屋", "群租房", "小超市", "小餐馆", "奶茶店", "养老院", "高层住宅", "写字楼", "网吧", "美容店", "五金店", "仓库", "加工作坊", "幼儿园", "社区卫生站", "菜市场", "汽修店", "快递站"];
    private static readonly string[] Topics = ["疏散通道", "安全出口", "灭火器", "消火栓", "应急照明", "疏散指示标志", "电动自行车充电", "电气线路", "瓶装液化气", "动火作业", "防火门", "消防车通道", "易燃装修材料", "防盗网", "独立式感烟火灾探测报警器", "简易喷淋", "消防安全责任人", "防火巡查", "员工培训", "疏散演练"];
    private static readonly string[] Openers = ["检查中常见的问题是", "很多经营者以为", "按照法律规定", "从近年的火灾教训看", "消防救援机构提醒", "自查时请重点看", "整改的办法很简单", "如果发现问题"];
    private static readonly string[] Sentences =
    [
        "{0}的{1}必须保持畅通，营业期间不得锁闭或者堆放杂物。",
        "{1}要定期检查，发现损坏、失效的要及时维修或者更换，并做好记录。",
        "在{0}里，{1}一旦出问题，起火后人员很难及时疏散。",
        "不少{0}把{1}当作可有可无的摆设，这是很危险的。",
        "整改{1}的费用通常不高，但能在关键时刻救命。",
        "{0}的经营者是本场所的消防安全责任人，要亲自过问{1}的情况。",
        "发现{1}存在隐患后，应当立即整改；一时改不了的，要采取临时防范措施。",
        "夜间是火灾伤亡最多的时段，{0}尤其要注意{1}。",
        "主动自查、及时改正，是减少火灾隐患、避免处罚的最好办法。",
        "对照自查表逐项检查，把发现的问题、整改措施和完成时间写进自查记录。",
    ];
    private static readonly (string Law, int Article)[] Citations =
    [
        ("消防法", 16), ("消防法", 17), ("消防法", 18), ("消防法", 19), ("消防法", 21), ("消防法", 26), ("消防法", 27), ("消防法", 28),
        ("消防法", 60), ("消防法", 61), ("消防法", 63), ("消防法", 64), ("消防法", 66), ("消防法", 67),
        ("行政处罚法", 32), ("行政处罚法", 33), ("高层民用建筑消防安全管理规定", 37), ("高层民用建筑消防安全管理规定", 47),
    ];

    public static void Write(string outputDir, int pages, string realContentDir)
    {
        var content = Path.Combine(outputDir, "content");
        if (Directory.Exists(content)) Directory.Delete(content, recursive: true);
        Directory.CreateDirectory(Path.Combine(content, "guides"));
        Directory.CreateDirectory(Path.Combine(content, "articles"));
        Directory.CreateDirectory(Path.Combine(content, "laws"));
        Directory.CreateDirectory(Path.Combine(content, "selfchecks"));
        // The real site comes along whole: its questionnaires name the hazard catalogue and need
        // exemptions.yml, and the law digests' readings link to its guides and articles.
        foreach (var file in Directory.EnumerateFiles(realContentDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(realContentDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        var questionnaires = Directory.Exists(Path.Combine(realContentDir, "selfchecks"))
            ? Directory.EnumerateFiles(Path.Combine(realContentDir, "selfchecks"), "*.md").Order(StringComparer.Ordinal).ToList()
            : [];

        var random = new Random(pages);
        for (var i = 0; i < pages; i++)
        {
            if (questionnaires.Count > 0 && i % 200 == 199)
            {
                var source = questionnaires[i / 200 % questionnaires.Count];
                File.Copy(source, Path.Combine(content, "selfchecks", $"{Path.GetFileNameWithoutExtension(source)}-{i}.md"));
                continue;
            }
            var folder = i % 3 == 0 ? "articles" : "guides";
            File.WriteAllText(Path.Combine(content, folder, $"page-{i:D5}.md"), Page(i, random));
        }
    }

    private static string Page(int i, Random random)
    {
        var place = Places[random.Next(Places.Length)];
        var topic = Topics[random.Next(Topics.Length)];
        var date = new DateOnly(2024, 1, 1).AddDays(i % 700);
        var sb = new StringBuilder();
        sb.Append("---\n")
          .Append($"title: {place}{topic}消防安全要点（第{i + 1}篇）\n")
          .Append($"summary: 讲清{place}{topic}的常见问题、法律依据和整改办法。\n")
          .Append($"date: {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n")
          .Append($"tags: [{place}, {topic}]\n")
          .Append("---\n\n");
        sb.Append(Paragraph(random, place, topic)).Append("\n\n");
        var sections = 3 + random.Next(4);
        for (var s = 0; s < sections; s++)
        {
            var sectionTopic = Topics[random.Next(Topics.Length)];
            sb.Append($"## {Openers[random.Next(Openers.Length)]}：{sectionTopic}\n\n");
            for (var p = 0; p < 2 + random.Next(3); p++) sb.Append(Paragraph(random, place, sectionTopic)).Append("\n\n");
            if (s % 2 == 0)
            {
                for (var k = 0; k < 3; k++) sb.Append("- ").Append(Format(Sentences[random.Next(Sentences.Length)], place, Topics[random.Next(Topics.Length)])).Append('\n');
                sb.Append('\n');
            }
            if (s == 1)
            {
                sb.Append("| 检查项目 | 要求 | 依据 |\n| --- | --- | --- |\n");
                for (var k = 0; k < 3; k++)
                {
                    var (law, article) = Citations[random.Next(Citations.Length)];
                    sb.Append($"| {Topics[random.Next(Topics.Length)]} | 完好有效、保持畅通 | 《{law}》第{ChineseNumeral.Format(article)}条 |\n");
                }
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Paragraph(Random random, string place, string topic)
    {
        var sb = new StringBuilder();
        for (var k = 0; k < 3 + random.Next(3); k++) sb.Append(Format(Sentences[random.Next(Sentences.Length)], place, topic));
        var (law, article) = Citations[random.Next(Citations.Length)];
        sb.Append($"依据是《{law}》第{ChineseNumeral.Format(article)}条。");
        return sb.ToString();
    }

    private static string Format(string template, string place, string topic) => string.Format(CultureInfo.InvariantCulture, template, place, topic);
}
