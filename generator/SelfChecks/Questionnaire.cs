using Markdig.Syntax;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Markdown.Citations;

namespace PublicEdu.Generator.SelfChecks;

public enum Outcome { Compliant, NotApplicable, Hazard }

public enum HazardSeverity { General, Serious, PossiblyMajor }

public enum ExemptionPath { MayQualify, MayReduce, NotApplicable }

/// <summary>What a hazard option says: how bad, which law, how to fix, whether leniency may apply.</summary>
public sealed record Hazard(
    HazardSeverity Severity,
    IReadOnlyList<CitationInline> Breaks,
    IReadOnlyList<CitationInline> Penalties,
    bool NoDirectPenalty,
    string Fix,
    string Deadline,
    ExemptionPath Exemption,
    string ExemptionNote);

public sealed record QuestionOption(int Index, string Label, Outcome Outcome, Hazard? Hazard, int Line);

/// <summary>Show the question only when <see cref="QuestionId"/> was answered with one of <see cref="OptionIndexes"/>.</summary>
public sealed record QuestionCondition(string QuestionId, IReadOnlyList<int> OptionIndexes, string Text);

public sealed record Question(
    string Id,
    int Number,
    ParagraphBlock Text,
    QuoteBlock? Hint,
    IReadOnlyList<QuestionOption> Options,
    QuestionCondition? Condition,
    int Line)
{
    public string Anchor => "q-" + Id;
}

public sealed record QuestionSection(string Title, string Anchor, IReadOnlyList<Question> Questions);

/// <summary>A self-check questionnaire for one type of premises.</summary>
public sealed record Questionnaire(
    ContentPage Page,
    string Premises,
    string Audience,
    int Minutes,
    DateOnly? Reviewed,
    IReadOnlyList<Block> Intro,
    IReadOnlyList<QuestionSection> Sections)
{
    public string Slug => Page.Url["selfchecks/".Length..].TrimEnd('/');

    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);

    public static string SeverityName(HazardSeverity severity) => severity switch
    {
        HazardSeverity.General => "一般隐患",
        HazardSeverity.Serious => "较大隐患",
        _ => "可能构成重大火灾隐患",
    };
}
