using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PublicEdu.Generator.Output;

namespace PublicEdu.Generator.Search;

/// <summary>
/// A build-time index the browser only loads and queries, after Lunr's idea but for Chinese and for
/// large sites. Each posting holds a precomputed BM25F impact (title ×4, headings ×2, body ×1),
/// quantised to 1–255, so the browser only adds numbers. Terms are spread over shards by hash, so a
/// query fetches only the shards of its own terms; titles and snippets sit in small chunks fetched
/// only for the results shown. Shards and chunks live in one folder named by their content hash; a manifest at a fixed address names it.
/// </summary>
public sealed class SearchIndex
{
    // Small chunks: a query shows a dozen passages from as many pages, and each costs its whole chunk.
    public const int ChunkSize = 8;
    public const int SnippetLength = 120;
    // Smaller shards, more of them: a query fetches one shard per term, and synonyms add terms.
    private const int TargetShardBytes = 6 * 1024;
    private const int MaxPostings = 1500;
    private const double K1 = 1.2, B = 0.75;

    public required IReadOnlyList<SearchDocument> Documents { get; init; }

    /// <summary>Term → (document, impact) ordered by document.</summary>
    public required IReadOnlyDictionary<string, (int Doc, int Impact)[]> Postings { get; init; }

    /// <summary>Law names as people type them → law slug, for article queries.</summary>
    public required IReadOnlyDictionary<string, string> LawNames { get; init; }

    /// <summary>The authors' synonym groups, expanded at query time.</summary>
    public Synonyms Synonyms { get; init; } = Synonyms.Empty;

    /// <summary>Each document's page: the number of the page document it belongs to (itself for a page).</summary>
    public required int[] PageOf { get; init; }

    /// <summary>
    /// Added to a page document's impact for a term of its <see cref="SearchDocument.Names"/>, so
    /// a query can tell "in the title or premises" from "somewhere in the text" without another file.
    /// </summary>
    public const int NameFlag = 256;

    /// <summary>Impacts of an article's own term: the article itself, then the passages citing it, by type.</summary>
    public const int ArticleImpact = 255;

    /// <summary>Every name a law is cited by → its slug: the title, the title without 中华人民共和国, short names.</summary>
    public static IReadOnlyDictionary<string, string> LawNamesOf(Laws.LawRegistry registry)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, law) in registry.Names) names[name] = law.Slug;
        return names;
    }

    /// <param name="counter">Serve mode passes the same counter to every rebuild so unchanged documents are not tokenised again.</param>
    public static SearchIndex Build(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, string> lawNames, TermCounter? counter = null,
        Synonyms? synonyms = null)
    {
        counter ??= new TermCounter();
        var counted = counter.Count(documents);
        var lengths = counted.Select(c => c.Length).ToArray();

        // Invert, in document order so every posting list is already sorted.
        var average = lengths.Length == 0 ? 1 : lengths.Average();
        var byId = new Dictionary<long, List<(int Doc, float Score)>>();
        for (var i = 0; i < documents.Count; i++)
        {
            var norm = K1 * (1 - B + B * lengths[i] / average);
            var (ids, frequencies, _) = counted[i];
            for (var t = 0; t < ids.Length; t++)
            {
                var (term, tf) = (ids[t], frequencies[t]);
                ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byId, term, out _);
                list ??= [];
                list.Add((i, (float)(tf * (K1 + 1) / (tf + norm))));
            }
        }
        var byTerm = byId.ToDictionary(kv => counter.TermText(kv.Key), kv => kv.Value, StringComparer.Ordinal);

        var n = documents.Count;
        var terms = byTerm.Keys.ToArray();
        var idf = new double[terms.Length];
        var max = 0.0;
        for (var t = 0; t < terms.Length; t++)
        {
            var list = byTerm[terms[t]];
            idf[t] = Math.Log(1 + (n - list.Count + 0.5) / (list.Count + 0.5));
            foreach (var p in list) max = Math.Max(max, p.Score * idf[t]);
        }
        if (max <= 0) max = 1;

        var postings = new Dictionary<string, (int, int)[]>(terms.Length + n, StringComparer.Ordinal);
        var results = new (int, int)[terms.Length][];
        Parallel.For(0, terms.Length, t =>
        {
            var list = byTerm[terms[t]];
            IEnumerable<(int Doc, float Score)> kept = list;
            // The rarest terms decide rankings; for very common ones the best-scoring postings suffice.
            if (list.Count > MaxPostings) kept = list.OrderByDescending(p => p.Score).ThenBy(p => p.Doc).Take(MaxPostings).OrderBy(p => p.Doc);
            results[t] = kept.Select(p => (p.Doc, Math.Clamp((int)Math.Round(p.Score * idf[t] / max * 255), 1, 255))).ToArray();
        });
        for (var t = 0; t < terms.Length; t++) postings[terms[t]] = results[t];
        MarkNames(documents, postings);
        foreach (var (key, list) in ArticlePostings(documents, lawNames)) postings["@" + key] = list;
        var pageOf = new int[documents.Count];
        for (int i = 0, page = 0; i < documents.Count; i++) pageOf[i] = documents[i].IsPage ? page = i : page;
        return new SearchIndex { Documents = documents, Postings = postings, LawNames = lawNames, Synonyms = synonyms ?? Synonyms.Empty, PageOf = pageOf };
    }

    /// <summary>Flags each page document's postings for the terms of its names (title, premises).</summary>
    private static void MarkNames(IReadOnlyList<SearchDocument> documents, Dictionary<string, (int Doc, int Impact)[]> postings)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (!documents[i].IsPage || documents[i].Names.Length == 0) continue;
            foreach (var term in SearchAnalyzer.Tokenize(documents[i].Names).Distinct())
            {
                if (!postings.TryGetValue(term, out var list)) continue;
                // A very common term keeps only its best postings, and a page cut from them stays out:
                // adding it back would grow that list by every page whose name has the term.
                var at = Array.BinarySearch(list, (i, 0), DocOrder);
                if (at >= 0) list[at] = (i, list[at].Impact | NameFlag);
            }
        }
    }

    private static readonly Comparer<(int Doc, int Impact)> DocOrder = Comparer<(int Doc, int Impact)>.Create((a, b) => a.Doc.CompareTo(b.Doc));

    /// <summary>
    /// "@law§n" for every digested article: the article itself at the top impact, then every passage
    /// whose text cites it (《消防法》第六十条、第六十一条), self-check questions and guides first, as on
    /// the law page's list of pages citing an article. A query naming the article gets exactly these.
    /// </summary>
    private static IEnumerable<(string Key, (int, int)[] Postings)> ArticlePostings(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, string> lawNames)
    {
        var byKey = new Dictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
            if (documents[i].ArticleKey is { } key) (byKey[key] = new SortedDictionary<int, int>())[i] = ArticleImpact;
        if (lawNames.Count > 0)
        {
            var names = string.Join("|", lawNames.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(System.Text.RegularExpressions.Regex.Escape));
            // Compiled: on a large site this runs over every passage that mentions an article.
            var citation = new System.Text.RegularExpressions.Regex(
                $"({names})》?((?:第[0-9零〇一二两三四五六七八九十百千]+条(?:第[一二三四五六七八九十]+款)?(?:第[一二三四五六七八九十]+项)?(?:[、，,和及或至]|以及)?)+)",
                System.Text.RegularExpressions.RegexOptions.Compiled);
            var article = new System.Text.RegularExpressions.Regex("第([0-9零〇一二两三四五六七八九十百千]+)条");
            var found = new List<(int Doc, string Key)>[documents.Count];
            Parallel.For(0, documents.Count, i =>
            {
                var doc = documents[i];
                var keys = new List<(int, string)>();
                if (!doc.IsPage && doc.Body.Contains('条'))
                {
                    foreach (System.Text.RegularExpressions.Match m in citation.Matches(doc.Body))
                    foreach (System.Text.RegularExpressions.Match a in article.Matches(m.Groups[2].Value))
                        if (Markdown.Citations.ChineseNumeral.Parse(a.Groups[1].Value) is { } n) keys.Add((i, $"{lawNames[m.Groups[1].Value]}{SearchAnalyzer.ArticlePrefix}{n}"));
                }
                found[i] = keys;
            });
            foreach (var (doc, key) in found.SelectMany(f => f))
            {
                if (!byKey.TryGetValue(key, out var list) || list.ContainsKey(doc)) continue;
                list[doc] = documents[doc].Type switch
                {
                    SearchDocument.SelfCheck => 200,
                    SearchDocument.Guide => 190,
                    SearchDocument.Article => 180,
                    SearchDocument.Page => 170,
                    _ => 150,
                };
            }
        }
        return byKey.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value.Select(p => (p.Key, p.Value)).ToArray()));
    }

    public int ShardCount
    {
        get
        {
            var bytes = Postings.Sum(p => p.Key.Length * 3 + p.Value.Length * 7);
            var shards = 1;
            while (shards < 4096 && bytes / shards > TargetShardBytes) shards *= 2;
            return shards;
        }
    }

    /// <summary>FNV-1a over UTF-16 code units; js/search.js computes the same.</summary>
    public static uint Hash(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public const string Folder = "search/";

    /// <summary>
    /// The one file pages name. It has a fixed address and names the folder of the current shards,
    /// so a content change rewrites the index without touching every page that links to it.
    /// </summary>
    public const string ManifestPath = Folder + "manifest.json";

    /// <summary>The manifest and the index's files under search/{content hash}/.</summary>
    public List<OutputFile> Write()
    {
        var shardCount = ShardCount;
        // Terms by shard, in ordinal order; each shard is written straight from the postings, since
        // on a large site their text would be hundreds of megabytes of strings held at once.
        var shardTerms = Enumerable.Range(0, shardCount).Select(_ => new List<string>()).ToArray();
        foreach (var term in Postings.Keys) shardTerms[Hash(term) % shardCount].Add(term);
        var shardFiles = new byte[shardCount][];
        Parallel.For(0, shardCount, s =>
        {
            shardTerms[s].Sort(StringComparer.Ordinal);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Encoder }))
            {
                json.WriteStartObject();
                var text = new StringBuilder();
                foreach (var term in shardTerms[s])
                {
                    text.Clear();
                    var last = 0;
                    foreach (var (doc, impact) in Postings[term])
                    {
                        if (text.Length > 0) text.Append(',');
                        text.Append(doc - last).Append(',').Append(impact);
                        last = doc;
                    }
                    json.WriteString(term, text.ToString());
                }
                json.WriteEndObject();
            }
            shardFiles[s] = buffer.ToArray();
        });

        var files = new List<(string Name, byte[] Content)>();
        for (var s = 0; s < shardCount; s++) files.Add(($"s{s}.json", shardFiles[s]));
        foreach (var (chunk, c) in Documents.Chunk(ChunkSize).Select((chunk, c) => (chunk, c)))
        {
            files.Add(($"d{c}.json", JsonSerializer.SerializeToUtf8Bytes(
                chunk.Select((d, k) => new object[] { d.Title, d.Url, d.Breadcrumb, Snippet(d.Body), PageOf[c * ChunkSize + k] }).ToList(), Json)));
        }
        // Documents come grouped by type: [first document, count] per type, in SearchDocument.Types order.
        var typeOrder = Documents.Select(d => IndexOfType(d.Type)).ToList();
        if (typeOrder.Zip(typeOrder.Skip(1)).Any(p => p.First > p.Second))
            throw new InvalidOperationException("search documents must be grouped by type");
        var typeRanges = Enumerable.Range(0, SearchDocument.Types.Count).Select(type =>
        {
            var first = typeOrder.IndexOf(type);
            return new[] { Math.Max(first, 0), typeOrder.Count(t => t == type) };
        }).ToList();
        using var sha = SHA256.Create();
        foreach (var (name, content) in files)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            sha.TransformBlock(nameBytes, 0, nameBytes.Length, null, 0);
            sha.TransformBlock(content, 0, content.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        var folder = Convert.ToHexStringLower(sha.Hash!)[..12] + "/";

        var manifest = new
        {
            folder,
            docs = Documents.Count,
            shards = shardCount,
            chunk = ChunkSize,
            typeRanges,
            typeNames = SearchDocument.Types,
            laws = new SortedDictionary<string, string>(LawNames.ToDictionary(k => k.Key, k => k.Value), StringComparer.Ordinal),
            synonyms = Synonyms.Groups.Select(g => g.Encoded).ToList(),
        };
        var result = files.Select(f => new OutputFile(Folder + folder + f.Name, f.Content)).ToList();
        result.Add(new OutputFile(ManifestPath, JsonSerializer.SerializeToUtf8Bytes(manifest, Json)));
        return result;
    }

    private static int IndexOfType(string type)
    {
        for (var i = 0; i < SearchDocument.Types.Count; i++)
            if (SearchDocument.Types[i] == type) return i;
        return 0;
    }

    private const int SegmentLength = 90;

    /// <summary>
    /// The opening of a document as whole sentences and list items, up to about
    /// <see cref="SnippetLength"/> characters. Kept apart, the browser can show the one that
    /// matches the query and join list items with a separator instead of running them together.
    /// A sentence longer than a line of a phone is cut at a comma, or failing that at a fixed length.
    /// </summary>
    public static string[] Snippet(string body)
    {
        var segments = new List<string>();
        var total = 0;
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            for (var i = 0; i <= line.Length && total < SnippetLength; i++)
            {
                if (i < line.Length && "。！？；".IndexOf(line[i]) < 0) continue;
                var end = Math.Min(i + 1, line.Length);
                var sentence = line[start..end].Trim();
                start = end;
                if (sentence.Length == 0) continue;
                if (sentence.Length > SegmentLength)
                {
                    var cut = sentence.LastIndexOfAny(['，', '、', '：', ',', ' '], SegmentLength - 1);
                    sentence = sentence[..(cut >= SegmentLength / 2 ? cut + 1 : SegmentLength)] + "…";
                }
                segments.Add(sentence);
                total += sentence.Length;
            }
            if (total >= SnippetLength) break;
        }
        return [.. segments];
    }
}
