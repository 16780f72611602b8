namespace PublicEdu.Theme.Models;

/// <summary>A plain page, a guide or an article: front matter plus rendered Markdown.</summary>
public sealed record ContentView(
    PageFrame Frame,
    string KindLabel,
    string BodyHtml,
    IReadOnlyList<TocEntry> Toc,
    DateOnly? Date,
    DateOnly? Updated,
    IReadOnlyList<string> Tags,
    string CitationPreviewsJson);

public sealed record ListEntry(string Title, string Url, string Summary, DateOnly? Date, IReadOnlyList<string> Tags);

public sealed record ListView(PageFrame Frame, string Heading, string Intro, IReadOnlyList<ListEntry> Entries);

public sealed record HomeSection(string Title, string Url, string MoreLabel, IReadOnlyList<ListEntry> Entries);

public sealed record HomeView(PageFrame Frame, string IntroHtml, IReadOnlyList<HomeSection> Sections, string CitationPreviewsJson);

public sealed record NotFoundView(PageFrame Frame);

public sealed record SearchView(PageFrame Frame, IReadOnlyList<string> Types);
