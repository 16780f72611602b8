namespace PublicEdu.Generator.Search;

/// <summary>
/// The query algorithm, in C# for tests and benchmarks; js/search.js runs the same steps in the
/// browser on the written files:
/// 1. tokenize the query; when it has Han pairs, drop single Han characters (pairs are precise);
/// 2. a law's name in the query plus an article number adds that article's own term;
/// 3. add up each document's impacts; documents matching every query term score 1.5× more,
///    which prefers the whole phrase over scattered pairs;
/// 4. order by score, then by document number.
/// </summary>
public sealed class SearchEngine(SearchIndex index)
{
    public static List<string> QueryTerms(string query, IReadOnlyDictionary<string, string> lawNames)
    {
        var tokens = SearchAnalyzer.Tokenize(query);
        var hasPair = tokens.Any(t => t.Length == 2 && SearchAnalyzer.IsHan(t[0]));
        var terms = tokens.Where(t => !(hasPair && t.Length == 1 && SearchAnalyzer.IsHan(t[0]))).Distinct().ToList();
        var normal = query.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
        var articles = tokens.Where(t => t.StartsWith(SearchAnalyzer.ArticlePrefix, StringComparison.Ordinal)).ToList();
        foreach (var (name, slug) in lawNames.OrderByDescending(l => l.Key.Length).ThenBy(l => l.Key, StringComparer.Ordinal))
        {
            if (!normal.Contains(name, StringComparison.Ordinal)) continue;
            foreach (var article in articles) terms.Add("@" + slug + article);
            break;
        }
        return terms;
    }

    public List<(int Doc, double Score)> Search(string query, string? type = null)
    {
        var terms = QueryTerms(query, index.LawNames);
        var plain = terms.Count(t => !t.StartsWith('@'));
        var scores = new Dictionary<int, (double Sum, int Matched)>();
        foreach (var term in terms)
        {
            if (!index.Postings.TryGetValue(term, out var postings)) continue;
            foreach (var (doc, impact) in postings)
            {
                var (sum, matched) = scores.GetValueOrDefault(doc);
                scores[doc] = (sum + impact, matched + (term.StartsWith('@') ? 0 : 1));
            }
        }
        return scores
            .Where(kv => type is null || index.Documents[kv.Key].Type == type)
            .Select(kv => (kv.Key, kv.Value.Sum * (plain > 1 && kv.Value.Matched >= plain ? 1.5 : 1)))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Key)
            .ToList();
    }
}
