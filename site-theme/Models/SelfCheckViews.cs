namespace PublicEdu.Theme.Models;

/// <summary>What choosing a hazard option means, shown on the paper checklist too. An advice-only hazard has no articles.</summary>
public sealed record HazardInfoView(string Severity, string SeverityClass, string BreaksHtml, string PenaltyHtml, string Fix, string Deadline, string Exemption,
    string Note, string MajorBasis);

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

public sealed record SelfCheckView(
    PageFrame Frame,
    string IntroHtml,
    string Premises,
    string Audience,
    int Minutes,
    DateOnly? Reviewed,
    int QuestionCount,
    IReadOnlyList<SelfCheckSectionView> Sections,
    string DataJson,
    string PreviewsJson);

public sealed record SelfCheckSummary(string Title, string Url, string Premises, string Audience, int Minutes, int QuestionCount, string Summary);

public sealed record SelfCheckIndexView(PageFrame Frame, string Intro, IReadOnlyList<SelfCheckSummary> Checks);
