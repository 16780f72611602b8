using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>
/// The law's shape, enforced on the whole catalogue once its citations are resolved: ids are
/// unique; every penalty is one the penalty table registers, and it punishes the duty it is paired
/// with; no hazard offers a scheme that its level excludes (重大 offers none, 较大 no 首违不罚 or
/// 轻微不罚, as exemptions.yml sets each scheme's maximum); a possible 重大 hazard names its basis.
/// </summary>
public static class HazardCatalogueValidator
{
    public static HazardCatalogue Validate(IReadOnlyList<HazardCatalogueParser.Entries> files, ExemptionRules? rules, DiagnosticBag diagnostics)
    {
        var penalties = new List<PenaltyRule>();
        foreach (var rule in files.SelectMany(f => f.Penalties))
        {
            if (Key(rule.Penalty) is not { } key) continue;
            if (penalties.FirstOrDefault(p => Key(p.Penalty) == key) is { } first)
                Error(rule.Page.DisplayPath, rule.Line, DiagnosticCodes.PenaltyNotRegistered,
                    $"罚则{Text(rule.Penalty)}已在 {first.Page.DisplayPath} 第 {first.Line} 行登记过。每条罚则只登记一次。", diagnostics);
            else
                penalties.Add(rule);
        }

        var hazards = new Dictionary<string, CatalogueHazard>(StringComparer.Ordinal);
        foreach (var hazard in files.SelectMany(f => f.Hazards))
        {
            if (hazards.TryGetValue(hazard.Id, out var first))
            {
                Error(hazard.Page.DisplayPath, hazard.Line, DiagnosticCodes.HazardDuplicateId,
                    $"隐患编号“{hazard.Id}”已在 {first.Page.DisplayPath} 第 {first.Line} 行用过。同一种隐患只在目录里定义一次，各问卷都引用它；不同的隐患请换一个编号。", diagnostics);
                continue;
            }
            hazards[hazard.Id] = hazard.AdviceOnly ? hazard : CheckLegal(hazard, penalties, rules, diagnostics);
        }
        return new HazardCatalogue(hazards, penalties);
    }

    private static CatalogueHazard CheckLegal(CatalogueHazard hazard, List<PenaltyRule> penalties, ExemptionRules? rules, DiagnosticBag diagnostics)
    {
        var path = hazard.Page.DisplayPath;
        var matched = new List<PenaltyRule>();
        foreach (var penalty in hazard.Penalties)
        {
            if (Key(penalty) is not { } key)
            {
                // An unresolved citation was reported by the citation resolver; several penalties in one citation were not.
                if (penalty.LawHref is not null)
                    Error(path, penalty.Line + 1, DiagnosticCodes.PenaltyNotRegistered,
                        $"隐患“{hazard.Id}”的“处罚：”{Text(penalty)}把几条罚则写在了一个引用里。请分开写，每条都带法律名称，例如《消防法》第六十条第一款第三项、《消防法》第六十条第二款。", diagnostics);
                continue;
            }
            var rule = penalties.FirstOrDefault(p => Key(p.Penalty) == key);
            if (rule is null)
            {
                Error(path, penalty.Line + 1, DiagnosticCodes.PenaltyNotRegistered,
                    $"隐患“{hazard.Id}”的罚则{Text(penalty)}没有在罚则对照表（content/hazards/penalties.md）里登记。请核对条、款、项是否写对；确是罚则的，先在对照表里按原文登记它处罚哪些义务。", diagnostics);
                continue;
            }
            matched.Add(rule);
            foreach (var duty in hazard.Breaks.SelectMany(Refs).Where(d => d.Ref is not null))
            {
                if (!rule.Duties.SelectMany(Refs).Any(d => Covers(d, duty)))
                    Error(path, penalty.Line + 1, DiagnosticCodes.PenaltyDoesNotCover,
                        $"隐患“{hazard.Id}”违反的{duty.LawName}{duty.Text}不在{Text(penalty)}处罚的义务之内（该罚则处罚：{string.Join("、", rule.Duties.Select(Text))}）。请改用处罚这项义务的罚则；法律对它没有罚则时写“处罚：{HazardCatalogueParser.NoPenalty}”。", diagnostics);
            }
        }

        // Without a penalty there is nothing to spare; a scheme shown here would only mislead.
        if (hazard.NoDirectPenalty && Levels(hazard).FirstOrDefault(l => l.Schemes.Count > 0) is { Schemes.Count: > 0 } offered)
            Error(path, offered.Line, DiagnosticCodes.ExemptionNotAllowed,
                $"隐患“{hazard.Id}”没有直接罚则，不能写免罚办法（{string.Join("、", offered.Schemes)}）：没有可以免除或减轻的处罚。请写“免罚：{HazardCatalogueParser.NoScheme}”。", diagnostics);

        foreach (var (severity, schemes, line, place) in Levels(hazard))
        {
            if (severity == HazardSeverity.PossiblyMajor && hazard.MajorBasis.Length == 0)
                Error(path, line, DiagnosticCodes.HazardIncomplete,
                    $"隐患“{hazard.Id}”{place}可能构成重大火灾隐患，请加一行“重大依据：”，用文字说明 GB 35181-2025《重大火灾隐患判定规则》中对应的场所或情形（不写条款号）。", diagnostics);
            foreach (var name in schemes)
            {
                var scheme = rules?.Scheme(name);
                if (scheme is null)
                {
                    Error(path, line, DiagnosticCodes.ExemptionNotAllowed,
                        $"隐患“{hazard.Id}”的免罚办法“{name}”不在 {ExemptionRules.FileName} 里。可写的有：{string.Join("、", rules?.Schemes.Select(s => s.Name) ?? [])}，没有时写“免罚：{HazardCatalogueParser.NoScheme}”。", diagnostics);
                    continue;
                }
                if (severity > scheme.MaxSeverity)
                    Error(path, line, DiagnosticCodes.ExemptionNotAllowed, severity == HazardSeverity.PossiblyMajor
                        ? $"隐患“{hazard.Id}”{place}可能构成重大火灾隐患，不能提供“{name}”：本站收集的各项免罚办法都排除重大火灾隐患。请写“免罚{Qualifier(place)}：{HazardCatalogueParser.NoScheme}”。"
                        : $"隐患“{hazard.Id}”{place}是{HazardSeverities.Name(severity)}，不能提供“{name}”：这项办法只适用于{HazardSeverities.Name(scheme.MaxSeverity)}及以下（见 {ExemptionRules.FileName}）。请从“免罚{Qualifier(place)}：”里删去它。", diagnostics);
            }
        }
        return hazard with { Cause = matched.FirstOrDefault()?.Cause ?? "" };
    }

    /// <summary>The hazard's own level and each premises override, with the schemes offered at it.</summary>
    private static IEnumerable<(HazardSeverity Severity, IReadOnlyList<string> Schemes, int Line, string Place)> Levels(CatalogueHazard hazard)
    {
        yield return (hazard.Severity, hazard.Schemes, hazard.SchemesLine, "");
        foreach (var level in hazard.Overrides) yield return (level.Severity, level.Schemes ?? hazard.Schemes, level.Line, $"在{level.Class}");
    }

    private static string Qualifier(string place) => place.Length == 0 ? "" : $"（{place[1..]}）";

    private sealed record CitedRef(string LawHref, string LawName, ArticleRef? Ref, string Text);

    private static IEnumerable<CitedRef> Refs(CitationInline citation) =>
        citation.LawHref is null ? [] : citation.Parts.Select(p => new CitedRef(citation.LawHref, "《" + (citation.LawName ?? "") + "》", p.Ref, p.Text));

    /// <summary>A duty written as 第十六条 covers 第十六条第一款第二项; 第十六条第一款第二项 covers only itself.</summary>
    private static bool Covers(CitedRef duty, CitedRef breach) =>
        duty.Ref is { } d && breach.Ref is { } b && duty.LawHref == breach.LawHref && d.Article == b.Article
        && (d.Paragraph is null || d.Paragraph == b.Paragraph) && (d.Item is null || d.Item == b.Item);

    /// <summary>Which law, article, 款 and 项 a one-article citation names; null when it did not resolve.</summary>
    private static string? Key(CitationInline citation)
    {
        var parts = citation.Parts.Where(p => p.Ref is not null).ToList();
        if (citation.LawHref is null || parts.Count != 1) return null;
        var r = parts[0].Ref!;
        return $"{citation.LawHref}#{r.Article}-{r.Paragraph}-{r.Item}";
    }

    private static string Text(CitationInline citation) => citation.Prefix + string.Concat(citation.Parts.Select(p => p.Text));

    private static void Error(string path, int line, string code, string message, DiagnosticBag diagnostics) =>
        diagnostics.Error(path, line, 1, code, message);
}
