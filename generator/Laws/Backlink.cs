namespace PublicEdu.Generator.Laws;

/// <summary>A place on the site that cites an article, for the article's "本条被以下内容引用" list.</summary>
public sealed record Backlink(string LawSlug, int Article, string Title, string Url, string SourceOrder);
