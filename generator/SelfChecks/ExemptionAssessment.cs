namespace PublicEdu.Generator.SelfChecks;

// The model below is written into every questionnaire page as JSON, and js/exemption.js reads the
// same JSON with the same algorithm; ExemptionAssessmentTests runs one set of answers through both.
// Keep the two in step: field names, order of lists and every rule of the algorithm.

public sealed record ModelCondition(string Q, IReadOnlyList<int> O);

/// <param name="O">ok, na, hazard, or yes / no / unsure for a question about the business.</param>
/// <param name="H">The catalogue hazard an option names.</param>
public sealed record ModelOption(string O, string? H);

public sealed record ModelQuestion(string Id, string? Fact, ModelCondition? Cond, IReadOnlyList<ModelOption> Options);

/// <param name="Sev">0 一般, 1 较大, 2 可能构成重大; null for advice only.</param>
public sealed record ModelHazard(int? Sev, string Cause, IReadOnlyList<string> Schemes);

/// <param name="Kind">fact, causes, noMajor or action.</param>
public sealed record ModelSchemeCondition(string Kind, string? Fact, bool? Expect, int? Limit, int? Max);

public sealed record ModelScheme(string Name, IReadOnlyList<ModelSchemeCondition> Conditions);

/// <summary>Everything the assessment needs, and nothing it does not: no text, so both sides compute the same.</summary>
public sealed record AssessmentModel(IReadOnlyList<ModelQuestion> Questions, IReadOnlyDictionary<string, ModelHazard> Hazards, IReadOnlyList<ModelScheme> Schemes)
{
    public static AssessmentModel From(Questionnaire questionnaire, ExemptionRules? rules)
    {
        var hazards = new SortedDictionary<string, ModelHazard>(StringComparer.Ordinal);
        var questions = questionnaire.Questions.Select(q => new ModelQuestion(q.Id, q.Fact,
            q.Condition is { OptionIndexes.Count: > 0 } c ? new ModelCondition(c.QuestionId, c.OptionIndexes) : null,
            q.Options.Select(o =>
            {
                if (o.Hazard is { } h)
                    hazards[h.Id] = new ModelHazard(h.Severity is { } s ? (int)s : null, h.Definition.Cause, h.Schemes);
                return new ModelOption(Code(o.Outcome), o.Hazard?.Id);
            }).ToList())).ToList();
        var schemes = (rules?.Schemes ?? []).Select(s => new ModelScheme(s.Name, s.Conditions.Select(c => c.Kind switch
        {
            ConditionKind.Fact => new ModelSchemeCondition("fact", c.Fact, c.Expect, null, null),
            ConditionKind.Causes => new ModelSchemeCondition("causes", null, null, c.Limit, (int)c.MaxSeverity),
            ConditionKind.NoMajor => new ModelSchemeCondition("noMajor", null, null, null, null),
            _ => new ModelSchemeCondition("action", null, null, null, null),
        }).ToList())).ToList();
        return new AssessmentModel(questions, hazards, schemes);
    }

    public static string Code(Outcome outcome) => outcome switch
    {
        Outcome.Compliant => "ok",
        Outcome.NotApplicable => "na",
        Outcome.Hazard => "hazard",
        Outcome.FactYes => "yes",
        Outcome.FactNo => "no",
        _ => "unsure",
    };
}

/// <param name="Schemes">The schemes that may apply to this hazard, or may once the owner confirms an unknown.</param>
public sealed record FoundHazard(string Q, string H, int? Sev, IReadOnlyList<string> Schemes);

public sealed record CauseCount(string Cause, int Sev);

/// <param name="Status">met, unmet, unknown (the owner answered 不确定 or not at all) or todo (up to the owner).</param>
/// <param name="Count">For a causes condition, how many 案由; <paramref name="Worst"/> the most severe of them.</param>
public sealed record ConditionResult(string Status, int? Count, int? Worst);

/// <param name="Status">
/// none (no legal hazard found), may, unknown (may, if an unknown condition holds), no (a condition
/// fails), outside (the conditions hold but no hazard found is one this scheme covers).
/// </param>
public sealed record SchemeResult(string Name, string Status, IReadOnlyList<ConditionResult> Conditions, IReadOnlyList<string> Hazards);

public sealed record Assessment(IReadOnlyList<FoundHazard> Found, bool Major, IReadOnlyList<CauseCount> Causes, IReadOnlyList<SchemeResult> Schemes);

/// <summary>
/// Which leniency schemes may apply to this owner, from their answers alone: the hazards found,
/// their 案由 and levels, and the facts they gave about the business. Pure: the same model and
/// answers always give the same assessment, here and in the browser.
/// </summary>
public static class ExemptionAssessor
{
    public static Assessment Assess(AssessmentModel model, IReadOnlyDictionary<string, int> answers)
    {
        var byId = ById(model);
        bool Visible(ModelQuestion q) =>
            q.Cond is null || (byId.TryGetValue(q.Cond.Q, out var parent) && Visible(parent) && answers.TryGetValue(parent.Id, out var a) && q.Cond.O.Contains(a));
        ModelOption? Chosen(ModelQuestion q) => answers.TryGetValue(q.Id, out var a) && a >= 0 && a < q.Options.Count ? q.Options[a] : null;

        var visible = model.Questions.Where(Visible).ToList();
        var found = visible.Select(q => (q, option: Chosen(q))).Where(x => x.option is { O: "hazard", H: not null } && model.Hazards.ContainsKey(x.option.H!))
            .Select(x => (x.q.Id, Hazard: x.option!.H!, Model: model.Hazards[x.option.H!])).ToList();
        var legal = found.Where(f => f.Model.Sev is not null).ToList();
        var major = legal.Any(f => f.Model.Sev == 2);
        var causes = new List<CauseCount>();
        foreach (var f in legal.Where(f => f.Model.Cause.Length > 0))
        {
            var i = causes.FindIndex(c => c.Cause == f.Model.Cause);
            if (i < 0) causes.Add(new CauseCount(f.Model.Cause, f.Model.Sev!.Value));
            else if (causes[i].Sev < f.Model.Sev) causes[i] = causes[i] with { Sev = f.Model.Sev!.Value };
        }
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in visible.Where(q => q.Fact is not null)) facts.TryAdd(q.Fact!, Chosen(q)?.O ?? "");

        ConditionResult Evaluate(ModelSchemeCondition c) => c.Kind switch
        {
            "noMajor" => new(major ? "unmet" : "met", null, null),
            "causes" => Causes(c, causes),
            "fact" => new(facts.GetValueOrDefault(c.Fact!, "") switch
            {
                "yes" => c.Expect == true ? "met" : "unmet",
                "no" => c.Expect == true ? "unmet" : "met",
                _ => "unknown",
            }, null, null),
            _ => new("todo", null, null),
        };

        var schemes = model.Schemes.Select(s =>
        {
            var conditions = s.Conditions.Select(Evaluate).ToList();
            var covered = legal.Where(f => f.Model.Schemes.Contains(s.Name)).Select(f => f.Id).ToList();
            var status = legal.Count == 0 ? "none"
                : conditions.Any(c => c.Status == "unmet") ? "no"
                : covered.Count == 0 ? "outside"
                : conditions.Any(c => c.Status == "unknown") ? "unknown"
                : "may";
            return new SchemeResult(s.Name, status, conditions, status is "may" or "unknown" ? covered : []);
        }).ToList();

        var results = found.Select(f => new FoundHazard(f.Id, f.Hazard, f.Model.Sev,
            schemes.Where(s => s.Hazards.Contains(f.Id)).Select(s => s.Name).ToList())).ToList();
        return new Assessment(results, major, causes, schemes);
    }

    /// <summary>
    /// Answers in which only this option is chosen, with the earlier answers that show its question:
    /// what the paper checklist says of a hazard "if it were the only one found".
    /// </summary>
    public static Dictionary<string, int> Alone(AssessmentModel model, string questionId, int option)
    {
        var byId = ById(model);
        var answers = new Dictionary<string, int> { [questionId] = option };
        for (var q = byId.GetValueOrDefault(questionId); q?.Cond is { } cond && answers.TryAdd(cond.Q, cond.O[0]); q = byId.GetValueOrDefault(cond.Q)) { }
        return answers;
    }

    /// <summary>A duplicate id is an author's error reported elsewhere; the first question keeps the id, as in the browser.</summary>
    private static Dictionary<string, ModelQuestion> ById(AssessmentModel model)
    {
        var byId = new Dictionary<string, ModelQuestion>(StringComparer.Ordinal);
        foreach (var q in model.Questions) byId.TryAdd(q.Id, q);
        return byId;
    }

    private static ConditionResult Causes(ModelSchemeCondition c, List<CauseCount> causes)
    {
        int? worst = causes.Count == 0 ? null : causes.Max(x => x.Sev);
        var met = causes.Count <= c.Limit && (worst is null || worst <= c.Max);
        return new ConditionResult(met ? "met" : "unmet", causes.Count, worst);
    }
}
