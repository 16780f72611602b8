using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Markdown;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>
/// Reads a file of content/hazards/: "::: hazard id" blocks (a title paragraph, then 键：值 lines)
/// and "::: penalty" blocks (罚则, 案由, 处罚的义务). Shape is checked here; the rules that need the
/// law digests and exemptions.yml are checked by <see cref="HazardCatalogueValidator"/>.
/// </summary>
public static partial class HazardCatalogueParser
{
    public sealed record Entries(IReadOnlyList<CatalogueHazard> Hazards, IReadOnlyList<PenaltyRule> Penalties);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(立即|24小时内|[1-9][0-9]?日内)$")]
    private static partial Regex DeadlinePattern();

    private static readonly string[] HazardKeys = ["违反", "处罚", "等级", "重大依据", "整改", "期限", "免罚", "场所", "性质", "说明"];
    private static readonly string[] PenaltyKeys = ["罚则", "案由", "处罚的义务", "说明"];
    private const string AdviceOnly = "安全建议";
    private static readonly string[] CitationKeys = ["违反", "处罚", "罚则", "处罚的义务"];
    public const string NoPenalty = "无直接罚则";
    public const string NoScheme = "无";

    public static Entries Parse(ContentPage page, DiagnosticBag diagnostics)
    {
        var hazards = new List<CatalogueHazard>();
        var penalties = new List<PenaltyRule>();
        foreach (var container in page.Document.Descendants<CustomContainer>())
        {
            switch (container.Info)
            {
                case "hazard":
                    if (ParseHazard(container, page, diagnostics) is { } hazard) hazards.Add(hazard);
                    break;
                case "penalty":
                    if (ParsePenalty(container, page, diagnostics) is { } penalty) penalties.Add(penalty);
                    break;
                default:
                    Error(page, container.Line + 1, container.Column + 1, DiagnosticCodes.UnknownBlock,
                        $"隐患目录里不认识“::: {container.Info}”。这里只能写 ::: hazard 编号（一个隐患）或 ::: penalty（一条罚则）。", diagnostics);
                    break;
            }
            if (container.ClosingFencedCharCount == 0)
                Error(page, container.Line + 1, container.Column + 1, DiagnosticCodes.UnclosedBlock,
                    $"“::: {container.Info}”块没有结束。请在块的最后一行之后单独写一行 :::。", diagnostics);
        }
        return new Entries(hazards, penalties);
    }

    private static CatalogueHazard? ParseHazard(CustomContainer container, ContentPage page, DiagnosticBag diagnostics)
    {
        var id = (container.Arguments ?? "").Trim();
        var line = container.Line + 1;
        if (!IdPattern().IsMatch(id))
        {
            Error(page, line, 1, DiagnosticCodes.HazardValueInvalid,
                $"隐患编号“{id}”无效。请写成 ::: hazard exits-blocked（只用小写字母、数字和连字符）。编号发布后不要改动，问卷靠它引用。", diagnostics);
            return null;
        }
        var paragraphs = container.OfType<ParagraphBlock>().ToList();
        foreach (var extra in container.Where(b => b is not ParagraphBlock))
            Error(page, extra.Line + 1, extra.Column + 1, DiagnosticCodes.HazardValueInvalid,
                $"隐患“{id}”里有多余的内容。一个隐患块只写两段：第一段是隐患名称，第二段是“违反：”“处罚：”等各行。", diagnostics);
        if (paragraphs.Count != 2 || paragraphs[0].Inline is null || paragraphs[1].Inline is null)
        {
            Error(page, line, 1, DiagnosticCodes.HazardIncomplete,
                $"隐患“{id}”应有两段：第一段一行写隐患名称，空一行，第二段逐行写“违反：”“处罚：”“等级：”“整改：”“期限：”“免罚：”。", diagnostics);
            return null;
        }
        var title = PlainText.Of(paragraphs[0].Inline).Trim();
        var details = ReadDetails(paragraphs[1], HazardKeys, ["等级", "免罚"], $"隐患“{id}”", page, diagnostics);

        string Value(string key) => details.FirstOrDefault(d => d.Key == key && d.Qualifier is null)?.Value ?? "";
        DetailLine? Find(string key) => details.FirstOrDefault(d => d.Key == key && d.Qualifier is null);
        var missing = new List<string>();
        var adviceOnly = Value("性质") == AdviceOnly;
        if (Find("性质") is { } nature && !adviceOnly)
            Error(page, nature.Line, 1, DiagnosticCodes.HazardValueInvalid, $"“性质：{nature.Value}”无法识别。只有没有法条可引的安全建议才写“性质：{AdviceOnly}”；违法的隐患不写这一行。", diagnostics);
        foreach (var key in adviceOnly ? ["整改", "期限", "说明"] : new[] { "违反", "处罚", "等级", "整改", "期限", "免罚" })
            if (Value(key).Length == 0) missing.Add(key);
        if (missing.Count > 0)
        {
            Error(page, line, 1, DiagnosticCodes.HazardIncomplete, adviceOnly
                ? $"安全建议“{id}”缺少：{string.Join("、", missing)}。安全建议要写明为什么危险（说明）、怎么改和期限。"
                : $"隐患“{id}”缺少：{string.Join("、", missing)}。每个隐患都要写明违反的条文、罚则（没有罚则时写“处罚：{NoPenalty}”）、等级、整改办法、期限和免罚（没有时写“免罚：{NoScheme}”）。", diagnostics);
            return null;
        }
        if (adviceOnly)
        {
            // Advice is given in the site's own words: it must not look like a legal finding.
            foreach (var legal in details.Where(d => d.Key is "违反" or "处罚" or "等级" or "免罚" or "重大依据" or "场所"))
                Error(page, legal.Line, 1, DiagnosticCodes.AdviceWithLegalClaim,
                    $"安全建议“{id}”不能写“{legal.Key}：”。安全建议没有法条依据，不能写违反的条文、罚则、隐患等级或免罚；如果确有法条依据，请删去“性质：{AdviceOnly}”，把它写成隐患。", diagnostics);
        }

        var deadline = Find("期限")!;
        if (!DeadlinePattern().IsMatch(deadline.Value))
            Error(page, deadline.Line, 1, DiagnosticCodes.HazardValueInvalid,
                $"期限“{deadline.Value}”无法识别。请写：立即、24小时内，或“3日内”“15日内”这样的天数。", diagnostics);
        if (adviceOnly)
            return new CatalogueHazard(id, title, true, [], [], false, HazardSeverity.General, [], [], [], "", Value("整改"), deadline.Value, Value("说明"), page, line, line);

        var breaks = Find("违反")!;
        if (breaks.Citations.Count == 0)
            Error(page, breaks.Line, 1, DiagnosticCodes.HazardIncomplete,
                $"隐患“{id}”的“违反：”没有写出法条。请写成《消防法》第二十八条 这样的引用。", diagnostics);
        var penalty = Find("处罚")!;
        var noDirectPenalty = penalty.Value == NoPenalty;
        if (penalty.Citations.Count == 0 && !noDirectPenalty)
            Error(page, penalty.Line, 1, DiagnosticCodes.HazardIncomplete,
                $"隐患“{id}”的“处罚：”没有写出法条。请引用 hazards/penalties.md 里登记过的罚则；法律对此没有罚则时写“处罚：{NoPenalty}”。", diagnostics);

        var severity = Severity(Find("等级")!, page, diagnostics);
        var schemes = Schemes(Find("免罚")!);
        var overrides = new List<SeverityOverride>();
        foreach (var level in details.Where(d => d.Key == "等级" && d.Qualifier is not null))
        {
            if (!HazardCatalogue.PremisesClasses.Contains(level.Qualifier!))
            {
                Error(page, level.Line, 1, DiagnosticCodes.PremisesClassUnknown,
                    $"场所类别“{level.Qualifier}”无法识别。只能写：{string.Join("、", HazardCatalogue.PremisesClasses)}。", diagnostics);
                continue;
            }
            var exemption = details.FirstOrDefault(d => d.Key == "免罚" && d.Qualifier == level.Qualifier);
            if (Severity(level, page, diagnostics) is { } raised)
                overrides.Add(new SeverityOverride(level.Qualifier!, raised, exemption is null ? null : Schemes(exemption), exemption?.Line ?? level.Line));
        }
        foreach (var orphan in details.Where(d => d.Key == "免罚" && d.Qualifier is not null && overrides.All(o => o.Class != d.Qualifier)))
            Error(page, orphan.Line, 1, DiagnosticCodes.HazardValueInvalid,
                $"“免罚（{orphan.Qualifier}）：”要和“等级（{orphan.Qualifier}）：”一起写：它说明这类场所在那个等级下的免罚办法。", diagnostics);

        var places = DetailLines.List(Value("场所"));
        foreach (var place in places.Where(p => !HazardCatalogue.PremisesClasses.Contains(p)))
            Error(page, Find("场所")!.Line, 1, DiagnosticCodes.PremisesClassUnknown,
                $"场所类别“{place}”无法识别。只能写：{string.Join("、", HazardCatalogue.PremisesClasses)}。", diagnostics);
        if (severity is null) return null;
        return new CatalogueHazard(id, title, false, breaks.Citations, penalty.Citations, noDirectPenalty, severity.Value, schemes, overrides,
            places, Value("重大依据"), Value("整改"), deadline.Value, Value("说明"), page, line, Find("免罚")!.Line);
    }

    private static PenaltyRule? ParsePenalty(CustomContainer container, ContentPage page, DiagnosticBag diagnostics)
    {
        var line = container.Line + 1;
        var paragraph = container.OfType<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null || container.Count != 1)
        {
            Error(page, line, 1, DiagnosticCodes.HazardIncomplete,
                "罚则块只写一段，逐行写“罚则：”“案由：”“处罚的义务：”，可加“说明：”，中间不要空行。", diagnostics);
            return null;
        }
        var details = ReadDetails(paragraph, PenaltyKeys, [], "罚则块", page, diagnostics);
        var rule = details.FirstOrDefault(d => d.Key == "罚则");
        var cause = details.FirstOrDefault(d => d.Key == "案由");
        var duties = details.FirstOrDefault(d => d.Key == "处罚的义务");
        if (rule is not { Citations.Count: 1 } || cause is not { Value.Length: > 0 } || duties is not { Citations.Count: > 0 })
        {
            Error(page, line, 1, DiagnosticCodes.HazardIncomplete,
                "罚则块要写：“罚则：”一条罚则的引用（如《消防法》第六十条第一款第三项）、“案由：”案由名称、“处罚的义务：”它处罚的义务条文的引用。", diagnostics);
            return null;
        }
        if (rule.Citations[0].Parts.Count(p => p.Ref is not null) != 1)
        {
            Error(page, rule.Line, 1, DiagnosticCodes.HazardValueInvalid, "“罚则：”只写一条（一个条、款或项）。不同的罚则请分开写成几个罚则块。", diagnostics);
            return null;
        }
        return new PenaltyRule(rule.Citations[0], cause.Value, duties.Citations,
            details.FirstOrDefault(d => d.Key == "说明")?.Value ?? "", page, line);
    }

    /// <summary>The detail lines of a paragraph; unknown keys, repeated keys and misplaced （类别） are reported.</summary>
    private static List<DetailLine> ReadDetails(ParagraphBlock paragraph, string[] keys, string[] qualified, string owner, ContentPage page, DiagnosticBag diagnostics)
    {
        var result = new List<DetailLine>();
        var lines = DetailLines.Split(paragraph.Inline!);
        for (var i = 0; i < lines.Count; i++)
        {
            var number = paragraph.Line + 1 + i;
            var detail = DetailLines.Read(lines[i], number);
            if (detail is null || !keys.Contains(detail.Key))
            {
                Error(page, number, 1, DiagnosticCodes.HazardValueInvalid,
                    $"{owner}的“{DetailLines.Shorten(DetailLines.Text(lines[i]))}”无法识别。每行以 {string.Join("、", keys.Select(k => k + "："))} 之一开头。", diagnostics);
                continue;
            }
            if (detail.Qualifier is not null && !qualified.Contains(detail.Key))
            {
                Error(page, number, 1, DiagnosticCodes.HazardValueInvalid,
                    $"“{detail.Key}”后面不能加（{detail.Qualifier}）。只有“等级”和“免罚”可以按场所类别另写。", diagnostics);
                continue;
            }
            // "《消防法》第六十条第一款第三项、第二款": the bare 第二款 is no citation and would be dropped without a word.
            if (CitationKeys.Contains(detail.Key) && detail.Value != NoPenalty && detail.Uncited.Trim('、', '，', ',', '和', '及', ' ').Length > 0)
                Error(page, number, 1, DiagnosticCodes.HazardValueInvalid,
                    $"{owner}的“{detail.Key}：”里，“{DetailLines.Shorten(detail.Uncited)}”不是完整的法条引用，会被忽略。每条都写上法律名称和条号，用顿号分开，例如《消防法》第六十条第一款第三项、《消防法》第六十条第二款。", diagnostics);
            if (result.Any(d => d.Key == detail.Key && d.Qualifier == detail.Qualifier))
            {
                Error(page, number, 1, DiagnosticCodes.HazardValueInvalid,
                    $"{owner}的“{detail.Key}：”写了两次。每项只写一行；有几条法条时写在同一行，用顿号分开。", diagnostics);
                continue;
            }
            result.Add(detail);
        }
        return result;
    }

    private static HazardSeverity? Severity(DetailLine line, ContentPage page, DiagnosticBag diagnostics)
    {
        if (HazardSeverities.Parse(line.Value) is { } severity) return severity;
        Error(page, line.Line, 1, DiagnosticCodes.HazardValueInvalid,
            $"等级“{line.Value}”无法识别。只能写：一般隐患、较大隐患、可能构成重大火灾隐患。", diagnostics);
        return null;
    }

    private static IReadOnlyList<string> Schemes(DetailLine line) => line.Value == NoScheme ? [] : DetailLines.List(line.Value);

    private static void Error(ContentPage page, int line, int column, string code, string message, DiagnosticBag diagnostics) =>
        diagnostics.Error(page.DisplayPath, line, column, code, message);
}
