namespace PublicEdu.Theme.Models;

/// <summary>
/// A campaign poster (A4) or leaflet (A5) for one page: what it is, a few key points, and a QR
/// code of the page's address with the address printed under it for those who type it.
/// </summary>
/// <param name="Format">"poster" (A4) or "leaflet" (A5); print.css gives each its own paper size.</param>
/// <param name="QrSvg">Inline SVG, so the page prints with no image file and no server.</param>
/// <param name="ShortUrl">The address without its scheme, as people type it.</param>
/// <param name="OtherFormatUrl">The same page in the other format, site-relative.</param>
public sealed record PosterView(
    PageFrame Frame,
    string Format,
    string Kind,
    string Lead,
    IReadOnlyList<string> Points,
    string PointsTitle,
    string Action,
    string QrSvg,
    string ShortUrl,
    string Organisation,
    string OtherFormatUrl);

public sealed record PublicityItem(string Title, string Kind, string PageUrl, string PosterUrl, string LeafletUrl);

public sealed record PublicityIndexView(PageFrame Frame, string Intro, IReadOnlyList<PublicityItem> Items);
