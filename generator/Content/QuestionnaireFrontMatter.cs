using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Content;

/// <summary>
/// What a self-check questionnaire's front matter says, read and checked once, at Load. A missing
/// or wrong key is reported on the questionnaire and read as a placeholder, so the rest of the page
/// is still checked and nothing is blamed on other files.
/// </summary>
/// <param name="Classes">The premises classes (人员密集场所, 居住场所…) the catalogue's severity rules read.</param>
public sealed record QuestionnaireFrontMatter(string Premises, IReadOnlyList<string> Classes, string Audience, int Minutes, DateOnly? Reviewed)
{
    public static readonly IReadOnlyList<string> Keys = ["premises", "classes", "audience", "minutes", "reviewed"];

    /// <summary>The classes a questionnaire and a catalogue hazard may name.</summary>
    public static readonly IReadOnlyList<string> PremisesClasses = ["公众聚集场所", "人员密集场所", "居住场所", "高层民用建筑"];

    public const int DefaultMinutes = 10;

    /// <param name="title">The page's title, which stands in for a missing premises type.</param>
    public static QuestionnaireFrontMatter Read(YamlMap map, string title, string displayPath, DiagnosticBag diagnostics)
    {
        var premises = map.String("premises", required: true);
        var audience = map.String("audience") ?? "";
        var minutes = map.Int("minutes") ?? DefaultMinutes;
        var reviewed = map.Date("reviewed", required: true);
        var classes = map.StringList("classes").ToList();
        var (classLine, classColumn) = map.PositionOf("classes");
        foreach (var unknown in classes.Where(c => !PremisesClasses.Contains(c)))
            diagnostics.Error(displayPath, classLine, classColumn, DiagnosticCodes.PremisesClassUnknown,
                $"场所类别“{unknown}”无法识别。classes 只能写：{string.Join("、", PremisesClasses)}，例如 classes: [公众聚集场所, 人员密集场所]。");
        // 《消防法》第七十三条第四项: 人员密集场所 begins with 公众聚集场所, so the one class implies the other.
        if (classes.Contains("公众聚集场所") && !classes.Contains("人员密集场所")) classes.Add("人员密集场所");
        return new QuestionnaireFrontMatter(premises ?? title, classes, audience, minutes, reviewed);
    }
}
