namespace PublicEdu.Generator.Search;

/// <summary>
/// One searchable unit: a page (<see cref="IsPage"/>), or a passage of one — a law article, a
/// self-check question, a section of a guide or article. A page comes right before its passages,
/// so results can be grouped under their page. <see cref="ArticleKey"/> ("fire-protection-law§60")
/// lets a query that names the article ("消防法第六十条") put it first.
/// </summary>
/// <param name="Names">
/// For a page: what it is called and who it is for (its title, a questionnaire's premises and
/// audience, a law's short names). A query all of whose words are in these puts the page first.
/// </param>
public sealed record SearchDocument(
    string Type,
    string Title,
    string Url,
    string Breadcrumb,
    string Headings,
    string Body,
    string? ArticleKey = null,
    bool IsPage = false,
    string Names = "")
{
    public const string Law = "法条";
    public const string SelfCheck = "自查项";
    public const string Guide = "指引";
    public const string Article = "文章";
    public const string Page = "页面";

    public static readonly IReadOnlyList<string> Types = [Law, SelfCheck, Guide, Article, Page];
}
