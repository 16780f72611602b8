namespace PublicEdu.Theme.Models;

public sealed record Organisation(string Name, string Contact, string Address);

/// <summary>A navigation entry; <see cref="Url"/> is site-relative without a leading slash ("guides/").</summary>
public sealed record NavItem(string Title, string Url);

public sealed record ReportingChannel(string Name, string Phone, string Address, string Url, string Note);

public sealed record SiteInfo(
    string Title,
    string Tagline,
    string Description,
    Organisation Organisation,
    string Icp,
    IReadOnlyList<NavItem> Navigation,
    IReadOnlyList<ReportingChannel> ReportingChannels,
    string? PrivacyUrl);

public sealed record Crumb(string Title, string? Url);

public sealed record TocEntry(int Level, string Title, string Id);

/// <summary>
/// Everything the layout needs to frame a page. Links in the theme go through <see cref="Link"/>,
/// which makes them relative to this page, so the site works under any base path and from disk.
/// </summary>
public sealed record PageFrame(
    SiteInfo Site,
    string Title,
    string Description,
    string Url,
    string CanonicalUrl,
    IReadOnlyList<Crumb> Breadcrumbs,
    string OgType,
    bool LiveReload,
    bool IndexFileLinks,
    string AssetVersion,
    IReadOnlyList<string> Scripts,
    string? AbsoluteBase = null,
    string SearchBase = "")
{
    /// <summary>"../../" for "guides/exits/"; "./" for the home page.</summary>
    public string RootPrefix
    {
        get
        {
            var depth = Url.Count(c => c == '/');
            return depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));
        }
    }

    /// <summary>A site-relative URL ("laws/x/#art-60") made relative to this page.</summary>
    public string Link(string siteUrl)
    {
        var hash = siteUrl.IndexOf('#');
        var path = hash >= 0 ? siteUrl[..hash] : siteUrl;
        var fragment = hash >= 0 ? siteUrl[hash..] : "";
        // 404.html is served at whatever URL was missed, so its links cannot be relative.
        if (AbsoluteBase is not null) return AbsoluteBase + siteUrl;
        if (IndexFileLinks && (path.Length == 0 || path.EndsWith('/'))) path += "index.html";
        if (path == Url && !IndexFileLinks && fragment.Length > 0) return fragment;
        var prefix = RootPrefix == "./" && path.Length > 0 ? "" : RootPrefix;
        return prefix + path + fragment;
    }

    /// <summary>A theme asset with a version query, so a changed stylesheet is never served stale.</summary>
    public string Asset(string path) => Link(path) + "?v=" + AssetVersion;

    public bool IsCurrentSection(NavItem item) =>
        item.Url.Length == 0 ? Url.Length == 0 : Url.StartsWith(item.Url, StringComparison.Ordinal);
}
