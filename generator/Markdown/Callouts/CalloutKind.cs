namespace PublicEdu.Generator.Markdown.Callouts;

/// <summary>The block kinds authors may open with <c>:::</c>, and how each is shown.</summary>
public sealed record CalloutKind(string Name, string CssClass, string Title)
{
    public static readonly IReadOnlyList<CalloutKind> All =
    [
        new("解读", "callout-reading", "解读"),
        new("案例", "callout-case", "案例（说明性示例）"),
        new("提示", "callout-tip", "提示"),
        new("注意", "callout-warning", "注意"),
    ];

    public static CalloutKind? Find(string? info) =>
        All.FirstOrDefault(k => k.Name == (info ?? "").Trim());
}
