using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Content;

/// <summary>
/// What a law digest's front matter says, read and checked once, at Load. A required key that is
/// missing or wrong is reported on the digest itself and read as a placeholder, so the law still
/// takes part in the build: pages citing it are not blamed for an error in the digest.
/// </summary>
/// <param name="ArticleCount">How many articles the whole law has; null when the digest does not say (already an error).</param>
public sealed record LawFrontMatter(
    IReadOnlyList<string> ShortNames,
    string Issuer,
    string DocumentNumber,
    string Version,
    DateOnly? VersionDate,
    DateOnly? Effective,
    IReadOnlyList<string> History,
    string Source,
    int? ArticleCount)
{
    public static readonly IReadOnlyList<string> Keys =
        ["short_names", "issuer", "document_number", "version", "version_date", "effective", "history", "source", "article_count"];

    /// <summary>Reads the keys; problems go to the bag <paramref name="map"/> reports to.</summary>
    public static LawFrontMatter Read(YamlMap map, string displayPath, DiagnosticBag diagnostics)
    {
        var articleCount = map.Int("article_count");
        if (articleCount is null && !map.Has("article_count"))
            diagnostics.Error(displayPath, map.Line, 1, DiagnosticCodes.RequiredFieldMissing,
                "缺少必填项“article_count”（这部法律全文共有多少条）。它用来判断引用的条号是否存在，例如 article_count: 74。");
        return new LawFrontMatter(
            map.StringList("short_names"),
            map.String("issuer", required: true) ?? "",
            map.String("document_number") ?? "",
            map.String("version", required: true) ?? "",
            map.Date("version_date", required: true),
            map.Date("effective"),
            map.StringList("history"),
            map.String("source", required: true) ?? "",
            articleCount);
    }
}
