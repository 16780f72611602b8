using PublicEdu.Generator.Build;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;
using PublicEdu.Generator.SelfChecks;
using PublicEdu.Generator.Load;
using PublicEdu.Generator.Resolve;

namespace PublicEdu.Tests.SelfChecks;

/// <summary>
/// The cases the exemption assessment must get right, on a shipped questionnaire and the shipped
/// exemptions.yml. The unit tests check the C# assessment against the expectations; the browser
/// tests (which link this file) run the same answers through js/exemption.js and compare.
/// Answers are picked from the content by what the hazards are, so the cases follow edits.
/// </summary>
public static class AssessmentCases
{
    public sealed record Case(string Name, Dictionary<string, int> Answers, Action<Assessment> Expect)
    {
        public override string ToString() => Name;
    }

    public static Questionnaire Load(string contentDir, string slug)
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteResolver.Resolve(ContentLoader.Load(contentDir, diagnostics)!, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        return site.Questionnaires.Values.Single(q => q.Slug == slug);
    }

    public static ExemptionRules Rules(string contentDir) => ExemptionRules.Load(contentDir, new DiagnosticBag())!;

    public static IReadOnlyList<Case> For(Questionnaire questionnaire)
    {
        // Unconditional questions only, so every chosen answer is visible; one hazard per question, distinct 案由.
        var candidates = questionnaire.Questions.Where(q => q.Condition is null && q.Fact is null)
            .SelectMany(q => q.Options.Where(o => o.Hazard is { Severity: not null }).Select(o => (Question: q, Option: o, Hazard: o.Hazard!)))
            .ToList();
        List<(Question Question, QuestionOption Option, AppliedHazard Hazard)> Pick(HazardSeverity severity, int count, Func<AppliedHazard, bool>? where = null)
        {
            var picked = new List<(Question, QuestionOption, AppliedHazard)>();
            foreach (var c in candidates.Where(c => c.Hazard.Severity == severity && c.Hazard.Definition.Cause.Length > 0 && (where?.Invoke(c.Hazard) ?? true)))
            {
                if (picked.Any(p => p.Item1 == c.Question || p.Item3.Definition.Cause == c.Hazard.Definition.Cause)) continue;
                picked.Add(c);
                if (picked.Count == count) return picked;
            }
            throw new InvalidOperationException($"{questionnaire.Slug} has fewer than {count} {severity} hazards with distinct 案由 for the assessment cases");
        }
        string FactId(string fact) => questionnaire.Questions.Single(q => q.Fact == fact).Id;
        // 是, 否, 不确定 are the options of every question about the business, in that order.
        Dictionary<string, int> Answers(IEnumerable<(Question Question, QuestionOption Option, AppliedHazard Hazard)> hazards, bool sme = false, bool investigated = false)
        {
            var answers = hazards.ToDictionary(h => h.Question.Id, h => h.Option.Index);
            answers[FactId("以前被查出过消防违法行为")] = 1;
            answers[FactId("已造成后果")] = 1;
            answers[FactId("小微企业")] = sme ? 0 : 1;
            answers[FactId("一年内被立案调查")] = investigated ? 0 : 1;
            return answers;
        }
        static SchemeResult Scheme(Assessment a, string name) => a.Schemes.Single(s => s.Name == name);

        var general = Pick(HazardSeverity.General, 3, h => h.Schemes.Contains("首违不罚"));
        var serious = Pick(HazardSeverity.Serious, 1);
        var major = Pick(HazardSeverity.PossiblyMajor, 1);
        return
        [
            new("no hazard", Answers([]), a =>
            {
                Assert.Empty(a.Found);
                Assert.False(a.Major);
                Assert.All(a.Schemes, s => Assert.Equal("none", s.Status));
            }),
            new("two 一般 hazards, two 案由", Answers(general.Take(2)), a =>
            {
                Assert.Equal(2, a.Causes.Count);
                Assert.Equal("may", Scheme(a, "首违不罚").Status);
                Assert.Equal("no", Scheme(a, "小微企业首次免罚").Status);
                Assert.All(a.Found, f => Assert.Contains("首违不罚", f.Schemes));
            }),
            new("three 一般 hazards, three 案由", Answers(general), a =>
            {
                Assert.Equal(3, a.Causes.Count);
                var first = Scheme(a, "首违不罚");
                Assert.Equal("no", first.Status);
                Assert.Contains(first.Conditions, c => c is { Status: "unmet", Count: 3 });
                Assert.All(a.Found, f => Assert.DoesNotContain("首违不罚", f.Schemes));
            }),
            new("one 较大 hazard", Answers(serious), a =>
            {
                var found = Assert.Single(a.Found);
                Assert.Equal(1, found.Sev);
                Assert.Equal("no", Scheme(a, "首违不罚").Status);
                Assert.DoesNotContain("首违不罚", found.Schemes);
                Assert.DoesNotContain("轻微不罚", found.Schemes);
            }),
            new("one possible 重大 hazard", Answers(major), a =>
            {
                Assert.True(a.Major);
                Assert.Empty(Assert.Single(a.Found).Schemes);
                Assert.All(a.Schemes, s => Assert.Equal("no", s.Status));
            }),
            new("a small enterprise investigated within the year", Answers(general.Take(1), sme: true, investigated: true), a =>
            {
                var scheme = Scheme(a, "小微企业首次免罚");
                Assert.Equal("no", scheme.Status);
                Assert.Contains(scheme.Conditions, c => c.Status == "unmet");
                Assert.Equal("may", Scheme(a, "首违不罚").Status);
            }),
            new("a small enterprise not investigated", Answers(general.Take(1), sme: true), a =>
                Assert.Equal("may", Scheme(a, "小微企业首次免罚").Status)),
        ];
    }
}
