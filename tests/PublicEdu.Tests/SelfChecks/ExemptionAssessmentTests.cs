using PublicEdu.Generator.SelfChecks;
using PublicEdu.Tests.Support;

namespace PublicEdu.Tests.SelfChecks;

/// <summary>The assessment in C#: the cases of <see cref="AssessmentCases"/> on the shipped small-hotel questionnaire, and the rules of the algorithm on a model small enough to read.</summary>
public class ExemptionAssessmentTests
{
    private static readonly Lazy<(Questionnaire Q, AssessmentModel Model)> SmallHotel = new(() =>
    {
        var q = AssessmentCases.Load(RepoPaths.Content, "small-hotel");
        return (q, AssessmentModel.From(q, AssessmentCases.Rules(RepoPaths.Content)));
    });

    public static TheoryData<string> CaseNames => new(AssessmentCases.For(SmallHotel.Value.Q).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_shipped_rules_judge_each_case(string name)
    {
        var c = AssessmentCases.For(SmallHotel.Value.Q).Single(x => x.Name == name);
        c.Expect(ExemptionAssessor.Assess(SmallHotel.Value.Model, c.Answers));
    }

    private static AssessmentModel Model(params ModelQuestion[] questions) => new(questions,
        new Dictionary<string, ModelHazard>
        {
            ["a"] = new(0, "甲", ["首违不罚"]),
            ["b"] = new(0, "甲", ["首违不罚"]),
            ["advice"] = new(null, "", []),
        },
        [new ModelScheme("首违不罚", [new("causes", null, null, 1, 0), new("fact", "初次", false, null, null), new("action", null, null, null, null)])]);

    private static ModelOption O(string outcome, string? hazard) => new(outcome, hazard);

    private static ModelQuestion Q(string id, ModelCondition? cond = null, string? fact = null, params ModelOption[] options) => new(id, fact, cond, options);

    [Fact]
    public void Hazards_of_hidden_questions_do_not_count_and_one_cause_counts_once()
    {
        var model = Model(
            Q("gate", null, null, O("ok", null), O("na", null)),
            Q("one", null, null, O("ok", null), O("hazard", "a")),
            Q("two", new ModelCondition("gate", [1]), null, O("ok", null), O("hazard", "b")),
            Q("three", null, null, O("hazard", "b")),
            Q("tip", null, null, O("hazard", "advice")),
            Q("first", null, "初次", O("yes", null), O("no", null), O("unsure", null)));
        // "two" is hidden: gate was answered 0. "one" and "three" share the 案由 甲; advice has none.
        var a = ExemptionAssessor.Assess(model, new Dictionary<string, int> { ["gate"] = 0, ["one"] = 1, ["two"] = 1, ["three"] = 0, ["tip"] = 0, ["first"] = 1 });
        Assert.Equal(["one", "three", "tip"], a.Found.Select(f => f.Q));
        Assert.Equal([new CauseCount("甲", 0)], a.Causes);
        var scheme = Assert.Single(a.Schemes);
        Assert.Equal("may", scheme.Status);
        Assert.Equal(["met", "met", "todo"], scheme.Conditions.Select(c => c.Status));
        Assert.Equal(["one", "three"], scheme.Hazards);
        Assert.Empty(a.Found.Single(f => f.Q == "tip").Schemes);
    }

    [Fact]
    public void An_unsure_or_missing_fact_makes_the_scheme_unknown_not_applicable()
    {
        var model = Model(Q("one", null, null, O("hazard", "a")), Q("first", null, "初次", O("yes", null), O("no", null), O("unsure", null)));
        Assert.Equal("unknown", ExemptionAssessor.Assess(model, new Dictionary<string, int> { ["one"] = 0, ["first"] = 2 }).Schemes[0].Status);
        Assert.Equal("unknown", ExemptionAssessor.Assess(model, new Dictionary<string, int> { ["one"] = 0 }).Schemes[0].Status);
        Assert.Equal("no", ExemptionAssessor.Assess(model, new Dictionary<string, int> { ["one"] = 0, ["first"] = 0 }).Schemes[0].Status);
    }

    [Fact]
    public void Advice_alone_leaves_every_scheme_out_of_the_question()
    {
        var model = Model(Q("tip", null, null, O("hazard", "advice")));
        var a = ExemptionAssessor.Assess(model, new Dictionary<string, int> { ["tip"] = 0 });
        Assert.Equal("none", a.Schemes[0].Status);
        Assert.Single(a.Found);
    }
}
