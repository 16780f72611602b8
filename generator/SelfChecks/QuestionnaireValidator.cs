using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>
/// Rules that span questions: ids are unique, a condition names an earlier question and exactly
/// one of its options per alternative, and there is at least one question. Returns the
/// questionnaire with each condition's options resolved to their indexes.
/// </summary>
public static class QuestionnaireValidator
{
    public static Questionnaire Validate(Questionnaire questionnaire, DiagnosticBag diagnostics)
    {
        var page = questionnaire.Page;
        var all = questionnaire.Questions.ToList();
        if (all.Count == 0)
            diagnostics.Error(page.DisplayPath, 1, 1, DiagnosticCodes.QuestionnaireEmpty,
                "这份自查问卷一个问题也没有。请在 ## 小标题下用 ::: question 编号 …… ::: 写出问题。");

        var seen = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in all)
        {
            if (!seen.TryAdd(question.Id, question))
                diagnostics.Error(page.DisplayPath, question.Line, 1, DiagnosticCodes.QuestionDuplicateId,
                    $"问题编号“{question.Id}”已在第 {seen[question.Id].Line} 行用过。每个问题的编号必须不同；已经发布的编号不要改动，访客保存的答案靠它对应。");
            if (question.Options.Count == 0)
                diagnostics.Error(page.DisplayPath, question.Line, 1, DiagnosticCodes.QuestionMalformed,
                    $"问题“{question.Id}”没有可用的选项。");
        }

        var sections = questionnaire.Sections.Select(section => section with
        {
            Questions = section.Questions.Select(q => q.Condition is null ? q : q with { Condition = Resolve(q, all, diagnostics, page) }).ToList(),
        }).ToList();
        return questionnaire with { Sections = sections };
    }

    private static QuestionCondition? Resolve(Question question, List<Question> all, DiagnosticBag diagnostics, Content.ContentPage page)
    {
        var condition = question.Condition!;
        var target = all.FirstOrDefault(q => q.Id == condition.QuestionId);
        void Fail(string message) => diagnostics.Error(page.DisplayPath, question.Line, 1, DiagnosticCodes.ConditionInvalid, message);

        if (target is null)
        {
            Fail($"问题“{question.Id}”的条件引用了不存在的问题“{condition.QuestionId}”。请核对编号。");
            return null;
        }
        if (target.Number >= question.Number)
        {
            Fail($"问题“{question.Id}”的条件引用了在它之后的问题“{condition.QuestionId}”。条件只能引用前面的问题。");
            return null;
        }
        if (condition.Text.Length == 0)
        {
            Fail($"问题“{question.Id}”的条件没有写选项。请写成 if={condition.QuestionId}:选项文字。");
            return null;
        }
        var indexes = new List<int>();
        foreach (var alternative in condition.Text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var matches = target.Options.Where(o => o.Label.StartsWith(alternative, StringComparison.Ordinal)).ToList();
            if (matches.Count != 1)
            {
                Fail(matches.Count == 0
                    ? $"问题“{question.Id}”的条件写的“{alternative}”不是问题“{target.Id}”的选项。选项有：{string.Join("、", target.Options.Select(o => "“" + o.Label + "”"))}。"
                    : $"问题“{question.Id}”的条件写的“{alternative}”同时对应问题“{target.Id}”的多个选项。请多写几个字，让它只对应一个选项。");
                return null;
            }
            indexes.Add(matches[0].Index);
        }
        return condition with { OptionIndexes = indexes };
    }
}
