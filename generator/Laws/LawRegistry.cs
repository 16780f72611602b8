using PublicEdu.Generator.Diagnostics;

namespace PublicEdu.Generator.Laws;

/// <summary>All law digests on the site, found by any name people use to cite them.</summary>
public sealed class LawRegistry
{
    private const string NationalPrefix = "中华人民共和国";
    private readonly Dictionary<string, Law> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<Law> Laws { get; }

    public LawRegistry(IReadOnlyList<Law> laws, DiagnosticBag diagnostics)
    {
        Laws = laws;
        foreach (var law in laws)
        {
            foreach (var name in NamesOf(law).Distinct())
            {
                if (_byName.TryGetValue(name, out var other) && other != law)
                    diagnostics.Error(law.Page.DisplayPath, 1, 1, DiagnosticCodes.LawNameDuplicate,
                        $"法律名称“{name}”同时属于 {other.Page.DisplayPath}。请修改 title 或 short_names，让每个名称只对应一部法律。");
                else
                    _byName[name] = law;
            }
        }
    }

    private static IEnumerable<string> NamesOf(Law law)
    {
        yield return law.Title;
        // People drop the national prefix: 《消防法》 and 《中华人民共和国消防法》 are the same law.
        if (law.Title.StartsWith(NationalPrefix, StringComparison.Ordinal)) yield return law.Title[NationalPrefix.Length..];
        foreach (var name in law.ShortNames) yield return name;
    }

    public Law? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>Every name a law is cited by, with its law.</summary>
    public IEnumerable<(string Name, Law Law)> Names => _byName.Select(kv => (kv.Key, kv.Value));

    /// <summary>
    /// For an unbracketed run such as "根据消防法": the longest known name that ends the run,
    /// and the text before it.
    /// </summary>
    public (Law Law, string Leading)? FindAtEnd(string run)
    {
        for (var start = 0; start < run.Length; start++)
        {
            if (_byName.TryGetValue(run[start..], out var law)) return (law, run[..start]);
        }
        return null;
    }

    /// <summary>The key the page's preview data uses for an article: "fire-protection-law/60".</summary>
    public static string PreviewKey(Law law, int article) => $"{law.Slug}/{article}";

    /// <summary>The law and article a preview key names; keys come only from resolved citations.</summary>
    public (Law Law, LawArticle Article) ArticleFor(string previewKey)
    {
        var slash = previewKey.LastIndexOf('/');
        var law = Laws.First(l => l.Slug == previewKey[..slash]);
        return (law, law.Article(int.Parse(previewKey[(slash + 1)..]))!);
    }

    /// <summary>What a citation's preview shows: "《消防法》第六十条" and the statutory text.</summary>
    public ArticlePreview Preview(string previewKey)
    {
        var (law, article) = ArticleFor(previewKey);
        return new ArticlePreview($"《{law.CitationName}》{article.Heading}", article.Text);
    }
}
