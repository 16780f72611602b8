using Markdig.Syntax;
using PublicEdu.Generator.Content;

namespace PublicEdu.Generator.SelfChecks;

/// <summary>What an answer means: fine, not relevant, a hazard from the catalogue, or a fact about the business.</summary>
public enum Outcome { Compliant, NotApplicable, Hazard, FactYes, FactNo, FactUnsure }

/// <summary>How bad a hazard is; the order matters (a scheme's maximum, the worst hazard found).</summary>
public enum HazardSeverity { General, Serious, PossiblyMajor }

public static class HazardSeverities
{
    public static string Name(HazardSeverity severity) => severity switch
    {
        HazardSeverity.General => "一般隐患",
        HazardSeverity.Serious => "较大隐患",
        _ => "可能构成重大火灾隐患",
    };

    public static HazardSeverity? Parse(string text) => text.Trim() switch
    {
        "一般隐患" => HazardSeverity.General,
        "较大隐患" => HazardSeverity.Serious,
        "可能构成重大火灾隐患" => HazardSeverity.PossiblyMajor,
        _ => null,
    };
}

/// <summary>An option's reference to a catalogue hazard, with the one thing a questionnaire may reword: the fix.</summary>
public sealed record HazardReference(string Id, string? Fix, int Line, int Column);

/// <param name="Hazard">The catalogue hazard as it applies to this questionnaire; set by the validator.</param>
public sealed record QuestionOption(int Index, string Label, Outcome Outcome, HazardReference? Reference, int Line, AppliedHazard? Hazard = null);

/// <summary>Show the question only when <see cref="QuestionId"/> was answered with one of <see cref="OptionIndexes"/>.</summary>
public sealed record QuestionCondition(string QuestionId, IReadOnlyList<int> OptionIndexes, string Text);

/// <param name="Fact">For the questions about the business that exemptions.yml adds: the fact the answer gives.</param>
public sealed record Question(
    string Id,
    int Number,
    ParagraphBlock Text,
    QuoteBlock? Hint,
    IReadOnlyList<QuestionOption> Options,
    QuestionCondition? Condition,
    int Line,
    string? Fact = null)
{
    public string Anchor => "q-" + Id;
}

public sealed record QuestionSection(string Title, string Anchor, IReadOnlyList<Question> Questions);

/// <summary>A self-check questionnaire for one type of premises.</summary>
/// <param name="Classes">The premises classes (人员密集场所, 居住场所…) the catalogue's severity rules read.</param>
public sealed record Questionnaire(
    ContentPage Page,
    string Premises,
    string Audience,
    int Minutes,
    DateOnly? Reviewed,
    IReadOnlyList<string> Classes,
    IReadOnlyList<Block> Intro,
    IReadOnlyList<QuestionSection> Sections)
{
    public string Slug => Page.Url["selfchecks/".Length..].TrimEnd('/');

    public IEnumerable<Question> Questions => Sections.SelectMany(s => s.Questions);
}
