namespace PublicEdu.Theme.Models;

/// <summary>What choosing a hazard option means, as the printed key says it. An advice-only hazard has no articles.</summary>
public sealed record HazardInfoView(string Severity, string SeverityClass, string BreaksHtml, string PenaltyHtml, string Fix, string Deadline, string MajorBasis);

public sealed record SelfCheckOptionView(int Index, string Label, HazardInfoView? Hazard);

public sealed record SelfCheckQuestionView(
    string Id,
    string Anchor,
    int Number,
    string TextHtml,
    string HintHtml,
    string? ConditionText,
    string? ConditionQuestion,
    string ConditionOptions,
    IReadOnlyList<SelfCheckOptionView> Options);

public sealed record SelfCheckSectionView(string Title, string Anchor, IReadOnlyList<SelfCheckQuestionView> Questions);

/// <param name="HazardsUrl">Where the script fetches <paramref name="HazardsJson"/>; null when the page holds it inline (file://).</param>
public sealed record SelfCheckView(
    PageFrame Frame,
    string IntroHtml,
    string Premises,
    string Audience,
    int Minutes,
    DateOnly? Reviewed,
    QuestionCount QuestionCount,
    IReadOnlyList<SelfCheckSectionView> Sections,
    string DataJson,
    string HazardsJson,
    string? HazardsUrl,
    string PreviewsJson);

public sealed record SelfCheckSummary(string Title, string Url, string Premises, string Audience, int Minutes, QuestionCount QuestionCount, string Summary);

/// <summary>
/// How many questions a visitor answers. A conditional question is asked only after some answers,
/// so it is counted apart: the page, the list card and the questionnaire's own numbering agree.
/// </summary>
public sealed record QuestionCount(int Always, int Conditional)
{
    public override string ToString() => Conditional == 0 ? $"{Always} 题" : $"{Always} 题，视您的回答最多另加 {Conditional} 题";
}

public sealed record SelfCheckIndexView(PageFrame Frame, string Intro, IReadOnlyList<SelfCheckSummary> Checks);
