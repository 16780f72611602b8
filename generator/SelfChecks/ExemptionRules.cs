using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>Where a statement about leniency comes from: a document, who issued it, its date and how we saw it.</summary>
/// <param name="Date">As precise as the source is: 2021-10-09, 2024-03 or 2021; "" when the source gives none.</param>
public sealed record RuleSource(string Title, string Issuer, string Date, string Via);

/// <summary>What a condition of a scheme tests. The kinds are fixed; authors combine them.</summary>
public enum ConditionKind
{
    /// <summary>An answer the owner gives about the business (小微企业, 一年内被立案调查…).</summary>
    Fact,
    /// <summary>At most N distinct 案由 among the hazards found, each at most a given severity.</summary>
    Causes,
    /// <summary>No hazard found may be 重大.</summary>
    NoMajor,
    /// <summary>Something the owner still has to do (fix in time, report); never decided by the answers.</summary>
    Action,
}

public sealed record SchemeCondition(ConditionKind Kind, string Text, string Fact, bool Expect, int Limit, HazardSeverity MaxSeverity);

/// <summary>A way the law or Hunan's measures may spare or reduce a penalty, with its conditions and sources.</summary>
/// <param name="MaxSeverity">The most severe hazard that may offer this scheme; the catalogue validator enforces it.</param>
public sealed record ExemptionScheme(
    string Name,
    string Effect,
    HazardSeverity MaxSeverity,
    IReadOnlyList<SchemeCondition> Conditions,
    IReadOnlyList<RuleSource> Sources,
    string Caveat,
    int Line);

/// <summary>A question every questionnaire asks about the business, whose answer a scheme's condition reads.</summary>
public sealed record FactQuestion(string Name, string Id, string Question, string Hint);

/// <summary>A dated statement about Hunan's measures, shown with every result.</summary>
public sealed record RuleStatement(string Text, RuleSource Source);

/// <summary>
/// content/exemptions.yml: the schemes, the facts they need, what happens with a possible 重大火灾隐患,
/// and what to do when the site names no reporting channel. Authors keep it; the self-check's result
/// and the catalogue validator both read it, so no Hunan rule is written into code.
/// </summary>
public sealed partial record ExemptionRules(
    DateOnly? Reviewed,
    IReadOnlyList<FactQuestion> Facts,
    IReadOnlyList<ExemptionScheme> Schemes,
    IReadOnlyList<RuleStatement> Statements,
    string MajorLaw,
    int MajorArticle,
    string MajorText,
    IReadOnlyList<string> Prepare,
    string AskWhom,
    string NoDirectPenalty,
    string SourcePath,
    UInt128 SourceHash)
{
    public const string FileName = "exemptions.yml";

    public ExemptionScheme? Scheme(string name) => Schemes.FirstOrDefault(s => s.Name == name);

    private static readonly string[] Keys = ["reviewed", "facts", "schemes", "statements", "major_hazard", "reporting", "no_direct_penalty"];

    /// <summary>Reads the rules file; null when it is absent (a site without questionnaires needs none) or unusable.</summary>
    public static ExemptionRules? Load(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        if (!File.Exists(path)) return null;
        var display = DisplayPath.For(path);
        var text = SourceText.Read(path, display, diagnostics);
        if (text is null) return null;
        var local = new DiagnosticBag();
        var map = YamlMap.Parse(text, display, 0, local, DiagnosticCodes.RulesInvalid);
        var rules = map is null ? null : Read(map, display, text, local);
        foreach (var diagnostic in local.Sorted()) diagnostics.Add(diagnostic);
        return local.HasErrors ? null : rules;
    }

    private static ExemptionRules Read(YamlMap map, string display, string text, DiagnosticBag diagnostics)
    {
        map.ReportUnknownKeys(Keys);
        var facts = new List<FactQuestion>();
        foreach (var item in map.MapList("facts"))
        {
            item.ReportUnknownKeys(["name", "id", "question", "hint"]);
            var name = item.String("name", required: true);
            var id = item.String("id", required: true);
            var question = item.String("question", required: true);
            if (name is null || id is null || question is null) continue;
            if (facts.Any(f => f.Name == name || f.Id == id))
                diagnostics.Error(display, item.Line, 1, DiagnosticCodes.RulesInvalid, $"事实“{name}”（编号 {id}）重复了。每个事实只写一次。");
            facts.Add(new FactQuestion(name, id, question, item.String("hint") ?? ""));
        }

        var schemes = new List<ExemptionScheme>();
        foreach (var item in map.MapList("schemes"))
        {
            item.ReportUnknownKeys(["name", "effect", "max_severity", "conditions", "sources", "caveat"]);
            var name = item.String("name", required: true);
            var effect = item.String("effect", required: true);
            var max = Severity(item, "max_severity", display, diagnostics);
            var conditions = item.MapList("conditions").Select(c => Condition(c, facts, display, diagnostics)).OfType<SchemeCondition>().ToList();
            var sources = item.MapList("sources").Select(s => Source(s, display, diagnostics)).OfType<RuleSource>().ToList();
            if (name is null || effect is null || max is null) continue;
            if (sources.All(s => s.Date.Length == 0))
                diagnostics.Error(display, item.Line, 1, DiagnosticCodes.RulesInvalid,
                    $"办法“{name}”没有写带日期的来源。每项办法至少写一个 sources，注明文件名称（title）、发布单位（issuer）和日期（date）。");
            schemes.Add(new ExemptionScheme(name, effect, max.Value, conditions, sources, item.String("caveat") ?? "", item.Line));
        }
        if (schemes.Count == 0)
            diagnostics.Error(display, 1, 1, DiagnosticCodes.RulesInvalid, "exemptions.yml 没有写任何免罚或从轻办法（schemes）。");

        var statements = new List<RuleStatement>();
        foreach (var item in map.MapList("statements"))
        {
            item.ReportUnknownKeys(["text", "source"]);
            var statement = item.String("text", required: true);
            var source = item.Map("source") is { } s ? Source(s, display, diagnostics) : null;
            if (source is not { Date.Length: > 0 })
                diagnostics.Error(display, item.Line, 1, DiagnosticCodes.RulesInvalid, "每条关于湖南规定的说明都要写 source，注明文件或报道名称（title）、发布单位（issuer）和日期（date）。");
            if (statement is not null && source is { Date.Length: > 0 }) statements.Add(new RuleStatement(statement, source));
        }

        var major = map.Map("major_hazard");
        major?.ReportUnknownKeys(["law", "article", "text"]);
        var majorLaw = major?.String("law", required: true) ?? "";
        var majorArticle = major?.Int("article") ?? 0;
        var majorText = major?.String("text", required: true) ?? "";
        if (major is null)
            diagnostics.Error(display, 1, 1, DiagnosticCodes.RulesInvalid, "exemptions.yml 缺少 major_hazard：可能构成重大火灾隐患时要说明的法律后果（law、article、text）。");

        var reporting = map.Map("reporting");
        reporting?.ReportUnknownKeys(["prepare", "ask"]);
        return new ExemptionRules(map.Date("reviewed", required: true), facts, schemes, statements, majorLaw, majorArticle, majorText,
            reporting?.StringList("prepare") ?? [], reporting?.String("ask") ?? "", map.String("no_direct_penalty", required: true) ?? "",
            display, SourceText.Hash(text));
    }

    private static SchemeCondition? Condition(YamlMap item, IReadOnlyList<FactQuestion> facts, string display, DiagnosticBag diagnostics)
    {
        item.ReportUnknownKeys(["text", "fact", "expect", "causes_at_most", "severity_at_most", "no_major", "action"]);
        var text = item.String("text", required: true);
        if (text is null) return null;
        if (item.String("fact") is { } fact)
        {
            if (facts.All(f => f.Name != fact))
            {
                diagnostics.Error(display, item.Line, 1, DiagnosticCodes.RulesInvalid,
                    $"条件“{text}”用到的事实“{fact}”没有在 facts 里定义。可用的有：{string.Join("、", facts.Select(f => f.Name))}。");
                return null;
            }
            var expect = item.String("expect", required: true);
            if (expect is not ("是" or "否"))
            {
                diagnostics.Error(display, item.PositionOf("expect").Line, 1, DiagnosticCodes.RulesInvalid, $"条件“{text}”的 expect 只能写“是”或“否”。");
                return null;
            }
            return new SchemeCondition(ConditionKind.Fact, text, fact, expect == "是", 0, HazardSeverity.PossiblyMajor);
        }
        if (item.Int("causes_at_most") is { } limit)
            return new SchemeCondition(ConditionKind.Causes, text, "", false, limit,
                Severity(item, "severity_at_most", display, diagnostics) ?? HazardSeverity.PossiblyMajor);
        if (item.Bool("no_major") == true) return new SchemeCondition(ConditionKind.NoMajor, text, "", false, 0, HazardSeverity.Serious);
        if (item.Bool("action") == true) return new SchemeCondition(ConditionKind.Action, text, "", false, 0, HazardSeverity.PossiblyMajor);
        diagnostics.Error(display, item.Line, 1, DiagnosticCodes.RulesInvalid,
            $"条件“{text}”没有说明怎样判断。请写 fact 和 expect、causes_at_most、no_major: true 或 action: true 之一。");
        return null;
    }

    private static RuleSource? Source(YamlMap item, string display, DiagnosticBag diagnostics)
    {
        item.ReportUnknownKeys(["title", "issuer", "date", "via"]);
        var title = item.String("title", required: true);
        var issuer = item.String("issuer", required: true);
        var date = item.String("date") ?? "";
        if (date.Length > 0 && !SourceDate().IsMatch(date))
        {
            diagnostics.Error(display, item.PositionOf("date").Line, 1, DiagnosticCodes.InvalidDate,
                $"来源日期“{date}”无法识别。请写成 2021-10-09；只知道年月或年份时写 2024-03 或 2021，不要猜。");
            return null;
        }
        return title is null || issuer is null ? null : new RuleSource(title, issuer, date, item.String("via") ?? "");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex SourceDate();

    private static HazardSeverity? Severity(YamlMap item, string key, string display, DiagnosticBag diagnostics)
    {
        var text = item.String(key);
        if (text is null) return null;
        if (HazardSeverities.Parse(text) is { } severity) return severity;
        diagnostics.Error(display, item.PositionOf(key).Line, 1, DiagnosticCodes.RulesInvalid,
            $"“{text}”不是隐患等级。只能写：一般隐患、较大隐患、可能构成重大火灾隐患。");
        return null;
    }
}
