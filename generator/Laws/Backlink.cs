using PublicEdu.Generator.Content;

namespace PublicEdu.Generator.Laws;

/// <summary>A place on the site that cites an article, for the article's "本条被以下内容引用" list.</summary>
/// <param name="SourceOrder">Where the list puts it: <see cref="SourcePrefix"/> of the citing page, then the line.</param>
public sealed record Backlink(string LawSlug, int Article, string Title, string Url, string SourceOrder)
{
    /// <summary>
    /// Self-checks first, then guides, other pages, articles and laws, each in file order: what a
    /// reader of the article can act on comes first when the list is cut short.
    /// </summary>
    public static string SourcePrefix(ContentPage page) => page.Kind switch
    {
        PageKind.SelfCheck => "1",
        PageKind.Guide => "2",
        PageKind.Page or PageKind.Home => "3",
        PageKind.Article => "4",
        _ => "5",
    } + page.RelativePath + "\u0001";

    /// <summary>Where a backlink from <paramref name="line"/> of the page sorts: its page, then the line.</summary>
    public static string SourceOrderOf(ContentPage page, int line) =>
        SourcePrefix(page) + line.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How a self-check question is named in a backlink list: 自查项： and its first 40 characters.</summary>
    public static string QuestionTitle(string text) => "自查项：" + (text.Length > 40 ? text[..40] + "…" : text);
}
