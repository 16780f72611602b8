using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Content;

/// <summary>Who runs the site, from site.yml's organisation.</summary>
public sealed record SiteOrganisation(string Name, string Contact, string Address);

/// <summary>A navigation entry; <see cref="Url"/> is site-relative without a leading slash ("guides/").</summary>
public sealed record NavigationLink(string Title, string Url);

/// <summary>Where the public reports a hazard, as the operator wrote it in site.yml.</summary>
public sealed record ReportingChannelSetting(string Name, string Phone, string Address, string Url, string Note);

/// <summary>
/// The operator's settings from content/site.yml. It holds its own records rather than the
/// theme's view models, so that loading content does not depend on how pages are drawn.
/// </summary>
public sealed record SiteConfig(
    string Title,
    string Tagline,
    string Description,
    string BaseUrl,
    string BasePath,
    bool AllowRawHtml,
    SiteOrganisation Organisation,
    string Icp,
    IReadOnlyList<NavigationLink> Navigation,
    IReadOnlyList<ReportingChannelSetting> ReportingChannels,
    IReadOnlyDictionary<string, int> NavigationLines)
{
    public const string FileName = "site.yml";

    /// <summary>site.yml's path as diagnostics show it.</summary>
    public string SourcePath { get; init; } = FileName;

    /// <summary>The line of reporting_channels, for the warning when it is empty.</summary>
    public int ReportingChannelsLine { get; init; } = 1;

    /// <summary>A hash of site.yml's text; a serve rebuild starts from nothing when it changes.</summary>
    public UInt128 SourceHash { get; init; }

    private static readonly string[] Keys =
        ["title", "tagline", "description", "base_url", "base_path", "allow_raw_html", "organisation", "icp", "navigation", "reporting_channels"];

    /// <summary>
    /// Reads site.yml. Returns null when the file is missing or unusable; every problem is reported.
    /// </summary>
    public static SiteConfig? Load(string contentDir, DiagnosticBag diagnostics, string? basePathOverride)
    {
        var path = Path.Combine(contentDir, FileName);
        var display = DisplayPath.For(path);
        if (!File.Exists(path))
        {
            diagnostics.Error(display, 0, 0, DiagnosticCodes.SiteConfigMissing,
                $"找不到站点配置文件 {FileName}。请在内容文件夹中创建它（可复制项目自带的 content/site.yml）。");
            return null;
        }
        var text = SourceText.Read(path, display, diagnostics);
        if (text is null) return null;
        var map = YamlMap.Parse(text, display, 0, diagnostics, DiagnosticCodes.SiteConfigSyntax);
        if (map is null) return null;
        map.ReportUnknownKeys(Keys);

        var title = map.String("title", required: true) ?? "";
        var baseUrl = (map.String("base_url") ?? "").TrimEnd('/');
        if (baseUrl.Length > 0 && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http")))
        {
            var (line, col) = map.PositionOf("base_url");
            diagnostics.Error(display, line, col, DiagnosticCodes.SiteConfigInvalid,
                $"base_url “{baseUrl}”不是有效的网址。请写完整地址，以 https:// 开头；不知道时留空。");
            baseUrl = "";
        }
        else if (baseUrl.Length == 0)
            diagnostics.Warning(display, map.PositionOf("base_url").Line, 1, DiagnosticCodes.BaseUrlMissing,
                "未填写 base_url（网站正式地址），sitemap、规范链接和订阅源只能使用相对地址；宣传海报和传单要印网址的二维码，所以不会生成。上线前请由运营方填写。");

        var basePath = NormaliseBasePath(basePathOverride ?? map.String("base_path") ?? "/");

        var org = map.Map("organisation");
        org?.ReportUnknownKeys(["name", "contact", "address"]);
        var organisation = new SiteOrganisation(org?.String("name") ?? "", org?.String("contact") ?? "", org?.String("address") ?? "");

        var nav = new List<NavigationLink>();
        var navLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in map.MapList("navigation"))
        {
            item.ReportUnknownKeys(["title", "url"]);
            var navTitle = item.String("title", required: true);
            var url = item.String("url", required: true);
            if (navTitle is null || url is null) continue;
            if (!url.StartsWith('/'))
            {
                diagnostics.Error(display, item.Line, 1, DiagnosticCodes.SiteConfigInvalid,
                    $"导航链接“{url}”应以 / 开头，写站内地址，例如 /guides/。");
                continue;
            }
            nav.Add(new NavigationLink(navTitle, url.TrimStart('/')));
            navLines.TryAdd(url.TrimStart('/'), item.Line);
        }

        var channels = new List<ReportingChannelSetting>();
        foreach (var item in map.MapList("reporting_channels"))
        {
            item.ReportUnknownKeys(["name", "phone", "address", "url", "note"]);
            var name = item.String("name", required: true);
            if (name is null) continue;
            channels.Add(new ReportingChannelSetting(name, item.String("phone") ?? "", item.String("address") ?? "",
                item.String("url") ?? "", item.String("note") ?? ""));
        }

        return new SiteConfig(title, map.String("tagline") ?? "", map.String("description") ?? "", baseUrl, basePath,
            map.Bool("allow_raw_html") ?? false, organisation, map.String("icp") ?? "", nav, channels, navLines)
        {
            SourcePath = display,
            ReportingChannelsLine = map.PositionOf("reporting_channels").Line,
            SourceHash = SourceText.Hash(text),
        };
    }

    /// <summary>"publicedu", "/publicedu", "/publicedu/" all mean "/publicedu/".</summary>
    public static string NormaliseBasePath(string value)
    {
        var trimmed = value.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }
}
