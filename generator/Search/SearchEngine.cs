using System.Text;
using System.Text.RegularExpressions;

namespace PublicEdu.Generator.Search;

/// <summary>One part of a query: the words it may be found as, the first being the words typed.</summary>
/// <param name="Bridge">
/// A pair inside a run of Han characters whose neighbours cover both its characters (馆自 in
/// 旅馆自查): a page's title need not hold it to be the page the query names.
/// </param>
public sealed record QueryClause(IReadOnlyList<IReadOnlyList<string>> Alternatives, bool Bridge = false);

/// <summary>What a query searches for: its clauses, and the terms of the articles it names.</summary>
public sealed record QueryPlan(IReadOnlyList<QueryClause> Clauses, IReadOnlyList<string> Articles);

/// <summary>
/// The query algorithm, in C# for tests and benchmarks; js/search.js runs the same steps in the
/// browser on the written files:
/// 1. a law's name plus article numbers ("消防法第六十条") becomes that article's own term, which
///    holds the article and the passages citing it; only those are results, ranked by the rest;
/// 2. a word of the synonym file becomes one clause with its group as alternatives (电瓶车 →
///    电瓶车 | 电动车 | 电动自行车); every other term is a clause of its own. When the query has Han
///    pairs, single Han characters are dropped (pairs are precise), and so are terms no document has;
/// 3. a clause scores its best alternative's impacts, scaled to the length of the words typed so a
///    long synonym does not outweigh a short one; documents matching every clause score 1.5× more;
/// 4. a page whose title or premises hold every clause comes first: the visitor named it;
/// 5. order by score, then by document number.
/// </summary>
public sealed partial class SearchEngine(SearchIndex index)
{
    /// <summary>Added to a page named by the query: more than any sum of impacts.</summary>
    public const double NameBoost = 1e6;

    [GeneratedRegex("第?[0-9零〇一二两三四五六七八九十百千]+条(?![件文例款目])")]
    private static partial Regex ArticleReference();

    public static QueryPlan Plan(string query, IReadOnlyDictionary<string, string> lawNames, IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms)
    {
        var normal = query.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var articles = new List<string>();
        var numbers = SearchAnalyzer.Tokenize(normal).Where(t => t.StartsWith(SearchAnalyzer.ArticlePrefix, StringComparison.Ordinal)).Distinct().ToList();
        if (numbers.Count > 0)
        {
            foreach (var (name, slug) in lawNames.OrderByDescending(l => l.Key.Length).ThenBy(l => l.Key, StringComparer.Ordinal))
            {
                var at = normal.IndexOf(name, StringComparison.Ordinal);
                if (at < 0) continue;
                articles.AddRange(numbers.Select(n => "@" + slug + n));
                // The law's name and the article numbers are the article's term now; what is left ranks within it.
                normal = ArticleReference().Replace(normal.Remove(at, name.Length), " ");
                break;
            }
        }

        var hasPair = SearchAnalyzer.Tokenize(normal).Any(t => t.Length == 2 && SearchAnalyzer.IsHan(t[0]));
        List<(string Term, bool Bridge)> TermsOf(string text)
        {
            var tokens = SearchAnalyzer.Tokenize(text);
            var result = new List<(string, bool)>();
            // Runs of Han characters come out as c1, c1c2, c2, c2c3, c3…; two single characters in a
            // row, or anything else, end a run. In a run, every other inner pair is a bridge.
            var pairInRun = 0;
            var lastWasSingle = false;
            for (var k = 0; k < tokens.Count; k++)
            {
                var t = tokens[k];
                var han = SearchAnalyzer.IsHan(t[0]);
                if (han && t.Length == 1)
                {
                    if (lastWasSingle) pairInRun = 0;
                    lastWasSingle = true;
                    if (!hasPair) result.Add((t, false));
                    continue;
                }
                if (!han) { pairInRun = 0; lastWasSingle = false; result.Add((t, false)); continue; }
                var last = k + 2 >= tokens.Count || tokens[k + 2].Length != 2 || !SearchAnalyzer.IsHan(tokens[k + 2][0]);
                result.Add((t, pairInRun % 2 == 1 && !last));
                pairInRun++;
                lastWasSingle = false;
            }
            return result;
        }

        var clauses = new List<QueryClause>();
        var plain = new List<(string Term, bool Bridge)>();
        var keys = synonyms.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var piece = 0;
        for (var i = 0; i < normal.Length;)
        {
            var key = keys.FirstOrDefault(k => normal.AsSpan(i).StartsWith(k, StringComparison.Ordinal));
            if (key is null) { i++; continue; }
            plain.AddRange(TermsOf(normal[piece..i]));
            var alternatives = new List<IReadOnlyList<string>> { WordTerms(key) };
            alternatives.AddRange(synonyms[key].Select(WordTerms));
            clauses.Add(new QueryClause(alternatives));
            i += key.Length;
            piece = i;
        }
        plain.AddRange(TermsOf(normal[piece..]));
        // A term typed twice is a bridge only if it is one everywhere.
        clauses.InsertRange(0, plain.GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => new QueryClause([new[] { g.Key }], g.All(t => t.Bridge))));
        return new QueryPlan(clauses, articles);
    }

    /// <summary>A synonym's terms: its pairs when it has any, else its characters and words.</summary>
    private static IReadOnlyList<string> WordTerms(string word)
    {
        var tokens = SearchAnalyzer.Tokenize(word);
        var hasPair = tokens.Any(t => t.Length == 2 && SearchAnalyzer.IsHan(t[0]));
        return tokens.Where(t => !(hasPair && t.Length == 1 && SearchAnalyzer.IsHan(t[0]))).Distinct().ToList();
    }

    /// <summary>
    /// The plan without terms no document has: a pair that only bridges two words ("旅馆自查" →
    /// 馆自) finds nothing, and would otherwise keep every document from matching the whole query.
    /// </summary>
    public QueryPlan Plan(string query)
    {
        var plan = Plan(query, index.LawNames, index.Synonyms.Expansions);
        return plan with { Clauses = plan.Clauses.Where(c => c.Alternatives.Count > 1 || index.Postings.ContainsKey(c.Alternatives[0][0])).ToList() };
    }

    public List<(int Doc, double Score)> Search(string query, string? type = null)
    {
        var plan = Plan(query);
        var slots = plan.Clauses.SelectMany(c => c.Alternatives).ToList();
        var uses = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var s = 0; s < slots.Count; s++)
            foreach (var term in slots[s])
                (uses.TryGetValue(term, out var list) ? list : uses[term] = []).Add(s);

        var hits = new Dictionary<int, Hit>();
        Hit HitOf(int doc) => hits.TryGetValue(doc, out var hit) ? hit : hits[doc] = new Hit(slots.Count);
        foreach (var (term, slotList) in uses)
        {
            if (!index.Postings.TryGetValue(term, out var postings)) continue;
            foreach (var (doc, value) in postings)
            {
                var hit = HitOf(doc);
                foreach (var s in slotList)
                {
                    hit.Sums[s] += value & 255;
                    hit.Counts[s]++;
                    if ((value & SearchIndex.NameFlag) != 0) hit.Names[s]++;
                }
            }
        }
        foreach (var term in plan.Articles)
        {
            if (!index.Postings.TryGetValue(term, out var postings)) continue;
            foreach (var (doc, impact) in postings) HitOf(doc).Article += impact;
        }

        var terms = plan.Clauses.Sum(c => c.Alternatives[0].Count);
        var results = new List<(int Doc, double Score)>();
        foreach (var (doc, hit) in hits)
        {
            if (plan.Articles.Count > 0 && hit.Article == 0) continue;
            if (type is not null && index.Documents[doc].Type != type) continue;
            results.Add((doc, Score(plan, hit, terms, index.Documents[doc].IsPage)));
        }
        return results.OrderByDescending(r => r.Score).ThenBy(r => r.Doc).ToList();
    }

    private static double Score(QueryPlan plan, Hit hit, int terms, bool isPage)
    {
        double score = hit.Article;
        var all = true;
        var named = isPage && plan.Clauses.Count > 0;
        var s = 0;
        foreach (var clause in plan.Clauses)
        {
            var typed = clause.Alternatives[0].Count;
            var best = 0.0;
            var full = false;
            var name = false;
            foreach (var alternative in clause.Alternatives)
            {
                var n = alternative.Count;
                best = Math.Max(best, hit.Sums[s] * typed / n);
                full |= hit.Counts[s] == n;
                name |= hit.Names[s] == n;
                s++;
            }
            score += best;
            all &= full;
            named &= name || clause.Bridge;
        }
        if (terms > 1 && all) score *= 1.5;
        if (named) score += NameBoost;
        return score;
    }

    private sealed class Hit(int slots)
    {
        public readonly double[] Sums = new double[slots];
        public readonly int[] Counts = new int[slots];
        public readonly int[] Names = new int[slots];
        public double Article;
    }

    /// <summary>
    /// Results as the search page shows them: grouped under their page, in the order each page
    /// first appears, the page first and then at most <paramref name="passages"/> of its passages.
    /// </summary>
    public List<(int Page, List<int> Passages)> Group(IEnumerable<(int Doc, double Score)> ranked, int passages = 3)
    {
        var groups = new List<(int Page, List<int> Passages)>();
        var byPage = new Dictionary<int, int>();
        foreach (var (doc, _) in ranked)
        {
            var page = index.PageOf[doc];
            if (!byPage.TryGetValue(page, out var g)) { byPage[page] = g = groups.Count; groups.Add((page, [])); }
            if (doc != page && groups[g].Passages.Count < passages) groups[g].Passages.Add(doc);
        }
        return groups;
    }
}
