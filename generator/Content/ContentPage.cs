using Markdig.Syntax;

namespace PublicEdu.Generator.Content;

/// <summary>What a Markdown file is. <see cref="HazardCatalogue"/> files are data for the self-checks, not pages of their own.</summary>
public enum PageKind { Home, Page, Guide, Article, Law, SelfCheck, HazardCatalogue }

/// <summary>What every page's front matter may say.</summary>
public sealed record FrontMatter(
    string Title,
    string Summary,
    DateOnly? Date,
    DateOnly? Updated,
    IReadOnlyList<string> Tags,
    bool? Toc);

/// <summary>A Markdown file after loading: where it came from, its front matter, its AST and URL.</summary>
public sealed class ContentPage
{
    public required string FullPath { get; init; }

    /// <summary>The path shown in diagnostics.</summary>
    public required string DisplayPath { get; init; }

    /// <summary>Relative to the content folder, with forward slashes: guides/exits.md.</summary>
    public required string RelativePath { get; init; }

    public required PageKind Kind { get; init; }

    public required FrontMatter Meta { get; init; }

    /// <summary>A law digest's own front matter, read at Load; null for other kinds.</summary>
    public LawFrontMatter? LawFrontMatter { get; init; }

    /// <summary>A questionnaire's own front matter, read at Load; null for other kinds.</summary>
    public QuestionnaireFrontMatter? QuestionnaireFrontMatter { get; init; }

    public required MarkdownDocument Document { get; init; }

    /// <summary>Site-relative directory URL without a leading slash: "guides/exits/"; "" for home.</summary>
    public required string Url { get; init; }

    /// <summary>The file's size and time when it was read; a serve rebuild reuses the page while both match.</summary>
    public required FileStamp Stamp { get; init; }

    /// <summary>A hash of the source text: what the page's rendered output depends on from this file.</summary>
    public required UInt128 SourceHash { get; init; }

    /// <summary>The raw HTML the page contains (only where site.yml allows it), with where it starts in the file.</summary>
    public IReadOnlyList<RawHtmlFragment> RawHtml { get; init; } = [];

    /// <summary>Warnings found while loading, kept so a rebuild that reuses the page reports them again.</summary>
    public IReadOnlyList<Diagnostics.Diagnostic> LoadDiagnostics { get; init; } = [];
}

/// <summary>An HTML block or tag written in a page's Markdown; links in it are checked like the page's own.</summary>
public sealed record RawHtmlFragment(int Line, int Column, string Html);

/// <summary>Size and last write time of a file, as cheap evidence that it has not changed.</summary>
public readonly record struct FileStamp(long Length, long LastWriteTicks)
{
    public static FileStamp Of(FileInfo file) => file.Exists ? new(file.Length, file.LastWriteTimeUtc.Ticks) : default;
}

/// <summary>A non-Markdown file under content/ (an image, a PDF) copied to the same path.</summary>
public sealed record StaticFile(string FullPath, string RelativePath, FileStamp Stamp);
