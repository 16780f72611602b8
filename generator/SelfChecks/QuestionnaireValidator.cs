using Markdig;
using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>
/// Rules that span questions and the catalogue: ids are unique, a condition names an earlier
/// question and exactly one of its options per alternative, every hazard option names a catalogue
/// hazard meant for these premises. Returns the questionnaire with conditions resolved to option
/// indexes, hazards applied to its premises classes, and the questions about the business that
/// exemptions.yml asks appended as a last section.
/// </summary>
public static class QuestionnaireValidator
{
    public const string FactSectionTitle = "关于本单位（用于判断可能适用的免罚办法）";
    public const string FactSectionAnchor = "about-business";

    public static Questionnaire Validate(Questionnaire questionnaire, HazardCatalogue catalogue, ExemptionRules? rules, DiagnosticBag diagnostics)
    {
        var page = questionnaire.Page;
        var all = questionnaire.Questions.ToList();
        if (all.Count == 0)
            diagnostics.Error(page.DisplayPath, 1, 1, DiagnosticCodes.QuestionnaireEmpty,
                "这份自查问卷一个问题也没有。请在 ## 小标题下用 ::: question 编号 …… ::: 写出问题。");
        if (rules is null)
            diagnostics.Error(page.DisplayPath, 1, 1, DiagnosticCodes.RulesMissing,
                $"有自查问卷，但内容文件夹里没有 {ExemptionRules.FileName}（免罚办法和它们的来源）。自查结果要靠它判断可能适用哪些免罚办法。请从项目自带的 content/{ExemptionRules.FileName} 复制一份再修改。");

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
            Questions = section.Questions.Select(q => q with
            {
                Condition = q.Condition is null ? null : Resolve(q, all, diagnostics, page),
                Options = q.Options.Select(o => o.Reference is null ? o : o with { Hazard = Apply(o.Reference, questionnaire, catalogue, diagnostics) }).ToList(),
            }).ToList(),
        }).ToList();
        if (rules is { Facts.Count: > 0 }) sections.Add(FactSection(rules, all, page, diagnostics));
        return questionnaire with { Sections = sections };
    }

    private static AppliedHazard? Apply(HazardReference reference, Questionnaire questionnaire, HazardCatalogue catalogue, DiagnosticBag diagnostics)
    {
        var path = questionnaire.Page.DisplayPath;
        if (!catalogue.Hazards.TryGetValue(reference.Id, out var hazard))
        {
            var near = catalogue.Hazards.Keys.Where(k => k.Split('-').Intersect(reference.Id.Split('-')).Any()).Order(StringComparer.Ordinal).Take(5).ToList();
            diagnostics.Error(path, reference.Line, reference.Column, DiagnosticCodes.HazardUnknown,
                $"隐患目录里没有编号为“{reference.Id}”的隐患。" + (near.Count > 0 ? $"相近的有：{string.Join("、", near)}。" : "") +
                "请核对编号，或先在 content/hazards/ 里定义这个隐患。");
            return null;
        }
        if (hazard.Places.Count > 0 && !hazard.Places.Intersect(questionnaire.Classes).Any())
        {
            diagnostics.Error(path, reference.Line, reference.Column, DiagnosticCodes.HazardNotForPremises,
                $"隐患“{hazard.Id}”只适用于{string.Join("、", hazard.Places)}（见 {hazard.Page.DisplayPath} 第 {hazard.Line} 行），而这份问卷的场所类别是" +
                (questionnaire.Classes.Count == 0 ? "空的" : string.Join("、", questionnaire.Classes)) +
                "。它所依据的条文不约束这类场所。请改用适合这类场所的隐患（没有法条可引时用安全建议），或在 front matter 的 classes 里写对场所类别。");
            return null;
        }
        return HazardCatalogue.Apply(hazard, questionnaire.Classes, reference.Fix);
    }

    private static readonly MarkdownPipeline PlainPipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>The questions about the business that the schemes' conditions read, the same in every questionnaire.</summary>
    private static QuestionSection FactSection(ExemptionRules rules, List<Question> all, ContentPage page, DiagnosticBag diagnostics)
    {
        var number = all.Count;
        var questions = new List<Question>();
        foreach (var fact in rules.Facts)
        {
            if (all.Any(q => q.Id == fact.Id))
            {
                diagnostics.Error(page.DisplayPath, all.First(q => q.Id == fact.Id).Line, 1, DiagnosticCodes.QuestionDuplicateId,
                    $"问题编号“{fact.Id}”已被 {ExemptionRules.FileName} 用于“{fact.Name}”这个问题，它会自动加到每份问卷的最后。请给这个问题换一个编号。");
                continue;
            }
            var text = Markdig.Markdown.Parse(fact.Question, PlainPipeline).OfType<ParagraphBlock>().First();
            var hint = fact.Hint.Length == 0 ? null : Markdig.Markdown.Parse("> " + fact.Hint, PlainPipeline).OfType<QuoteBlock>().First();
            Outcome[] outcomes = [Outcome.FactYes, Outcome.FactNo, Outcome.FactUnsure];
            var options = outcomes.Select((o, i) => new QuestionOption(i, o switch { Outcome.FactYes => "是", Outcome.FactNo => "否", _ => "不确定" }, o, null, 0)).ToList();
            questions.Add(new Question(fact.Id, ++number, text, hint, options, null, 0, fact.Name));
        }
        return new QuestionSection(FactSectionTitle, FactSectionAnchor, questions);
    }

    private static QuestionCondition? Resolve(Question question, List<Question> all, DiagnosticBag diagnostics, ContentPage page)
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
