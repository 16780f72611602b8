using System.Globalization;
using System.Text;
using System.Xml;
using PublicEdu.Generator.Content;
using PublicEdu.Generator.Load;

namespace PublicEdu.Generator.Output;

/// <summary>sitemap.xml, robots.txt and the Atom feed of articles.</summary>
public static class SiteFeeds
{
    public static IEnumerable<OutputFile> Write(LoadedContent content, IReadOnlyList<OutputFile> pages, Func<string, string> canonical)
    {
        yield return new OutputFile("sitemap.xml", Sitemap(content, pages, canonical));
        yield return new OutputFile("robots.txt", Robots(content, canonical));
        yield return new OutputFile("feed.xml", Feed(content, canonical));
    }

    private static byte[] Sitemap(LoadedContent content, IReadOnlyList<OutputFile> pages, Func<string, string> canonical)
    {
        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var page in pages.Where(p => p.Path.EndsWith("index.html", StringComparison.Ordinal)))
            {
                var url = page.Path[..^"index.html".Length];
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", canonical(url));
                if (page.Source?.Meta is { } meta && (meta.Updated ?? meta.Date) is { } date)
                    writer.WriteElementString("lastmod", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    private static byte[] Robots(LoadedContent content, Func<string, string> canonical)
    {
        var text = new StringBuilder("User-agent: *\nAllow: /\n");
        // A sitemap line must be an absolute URL; without base_url there is none to give.
        if (content.Site.BaseUrl.Length > 0) text.Append("Sitemap: ").Append(canonical("sitemap.xml")).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Feed(LoadedContent content, Func<string, string> canonical)
    {
        var articles = content.Pages.Where(p => p.Kind == PageKind.Article)
            .OrderByDescending(p => p.Meta.Date).ThenBy(p => p.RelativePath, StringComparer.Ordinal).Take(50).ToList();
        // The feed's own date is its newest entry's, never the clock, so rebuilding changes nothing.
        var updated = articles.Select(a => a.Meta.Updated ?? a.Meta.Date).Max() ?? new DateOnly(2026, 1, 1);
        return Xml(writer =>
        {
            writer.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("xml", "lang", null, "zh-CN");
            writer.WriteElementString("title", content.Site.Title + " - 普法文章");
            writer.WriteElementString("id", Id(content, canonical, "articles/"));
            writer.WriteElementString("updated", Stamp(updated));
            Link(writer, canonical("articles/"), "alternate");
            Link(writer, canonical("feed.xml"), "self");
            foreach (var article in articles)
            {
                writer.WriteStartElement("entry");
                writer.WriteElementString("title", article.Meta.Title);
                writer.WriteElementString("id", Id(content, canonical, article.Url));
                writer.WriteElementString("updated", Stamp(article.Meta.Updated ?? article.Meta.Date ?? updated));
                if (article.Meta.Date is { } published) writer.WriteElementString("published", Stamp(published));
                Link(writer, canonical(article.Url), "alternate");
                writer.WriteStartElement("author");
                writer.WriteElementString("name", content.Site.Organisation.Name.Length > 0 ? content.Site.Organisation.Name : content.Site.Title);
                writer.WriteEndElement();
                if (article.Meta.Summary.Length > 0) writer.WriteElementString("summary", article.Meta.Summary);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    /// <summary>Atom ids must be absolute IRIs; without base_url a tag: URI keeps them stable.</summary>
    private static string Id(LoadedContent content, Func<string, string> canonical, string url) =>
        content.Site.BaseUrl.Length > 0 ? canonical(url) : "tag:publicedu," + "2026:" + url;

    private static string Stamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+08:00";

    private static void Link(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }
}
