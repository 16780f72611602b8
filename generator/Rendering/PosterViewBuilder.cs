using PublicEdu.Generator.Resolve;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Posters;
using PublicEdu.Theme.Models;

namespace PublicEdu.Generator.Rendering;

/// <summary>
/// The publicity kit (谁执法谁普法, 五进宣传): an A4 poster and an A5 leaflet for every self-check
/// and every guide, each with a QR code of the page's absolute address, and an index page for the
/// campaign team. Without base_url there is no absolute address to print, so there is no kit;
/// site.yml's PE-coded base_url warning says so.
/// </summary>
public sealed class PosterViewBuilder(ResolvedSite site, Func<string, string> absoluteUrl)
{
    public const string IndexUrl = "publicity/";
    public const string LeafletSuffix = "leaflet/";

    /// <summary>At most this many points: a poster is read in passing, from a few steps away.</summary>
    private const int MaxPoints = 5;

    /// <summary>What a poster says about one page, in either format.</summary>
    public sealed record Subject(ContentPage Page, string Kind, string Lead, IReadOnlyList<string> Points, string PointsTitle, string Action)
    {
        public string PosterUrl => IndexUrl + Page.Url;
        public string LeafletUrl => PosterUrl + LeafletSuffix;
    }

    /// <summary>Self-checks first, as campaigns lead with them, then guides; each in address order.</summary>
    public IReadOnlyList<Subject> Subjects()
    {
        var checks = site.Questionnaires.Values.OrderBy(q => q.Page.Url, StringComparer.Ordinal).Select(q => new Subject(
            q.Page, SiteRenderer.KindLabel(PageKind.SelfCheck), q.Page.Meta.Summary,
            // The questions about the business itself (facts the schemes weigh) are no hazard to check for.
            q.Sections.Where(s => s.Questions.Any(x => x.Fact is null)).Select(s => s.Title).Take(MaxPoints).ToList(), "扫码逐项自查这些内容：",
            $"用手机扫码，开始自查：{SelfCheckViewBuilder.CountOf(q)}，约 {q.Minutes} 分钟。答案只保存在您自己的手机里。"));
        var guides = site.Content.Pages.Where(p => p.Kind == PageKind.Guide).OrderBy(p => p.Url, StringComparer.Ordinal).Select(p => new Subject(
            p, SiteRenderer.KindLabel(PageKind.Guide), p.Meta.Summary,
            SiteRenderer.Headings(p).Where(h => h.Level == 2).Select(h => h.Title).Take(MaxPoints).ToList(), "扫码阅读全文，内容包括：",
            "用手机扫码，阅读全文。"));
        return [.. checks, .. guides];
    }

    public PosterView Poster(Subject subject, PageFrame frame, string format, string organisation)
    {
        var url = absoluteUrl(subject.Page.Url);
        var shortUrl = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        return new PosterView(frame, format, subject.Kind, subject.Lead, subject.Points, subject.PointsTitle, subject.Action,
            QrCodeSvg.Render(url, $"二维码：{shortUrl}"), shortUrl, organisation, format == "poster" ? subject.LeafletUrl : subject.PosterUrl);
    }

    public static PublicityItem Item(Subject subject) =>
        new(subject.Page.Meta.Title, subject.Kind, subject.Page.Url, subject.PosterUrl, subject.LeafletUrl);
}
