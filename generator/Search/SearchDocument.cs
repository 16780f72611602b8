namespace PublicEdu.Generator.Search;

/// <summary>
/// One searchable unit: a law article, a self-check question, a section of a guide or article, or a
/// plain page. <see cref="ArticleKey"/> ("fire-protection-law§60") lets a query that names the
/// article ("消防法第六十条") put it first.
/// </summary>
public sealed record SearchDocument(
    string Type,
    string Title,
    string Url,
    string Breadcrumb,
    string Headings,
    string Body,
    string? ArticleKey = null)
{
    public const string Law = "法条";
    public const string SelfCheck = "自查项";
    public const string Guide = "指引";
    public const string Article = "文章";
    public const string Page = "页面";

    public static readonly IReadOnlyList<string> Types = [Law, SelfCheck, Guide, Article, Page];
}
