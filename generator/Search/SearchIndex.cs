using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PublicEdu.Generator.Rendering;

namespace PublicEdu.Generator.Search;

/// <summary>
/// A build-time index the browser only loads and queries, after Lunr's idea but for Chinese and for
/// large sites. Each posting holds a precomputed BM25F impact (title ×4, headings ×2, body ×1),
/// quantised to 1–255, so the browser only adds numbers. Terms are spread over shards by hash, so a
/// query fetches only the shards of its own terms; titles and snippets sit in small chunks fetched
/// only for the results shown. All files live in one folder named by the index's content hash.
/// </summary>
public sealed class SearchIndex
{
    public const int ChunkSize = 16;
    public const int SnippetLength = 140;
    private const int TargetShardBytes = 12 * 1024;
    private const int MaxPostings = 1500;
    private const double K1 = 1.2, B = 0.75;
    private static readonly int[] Boosts = [4, 2, 1];

    public required IReadOnlyList<SearchDocument> Documents { get; init; }

    /// <summary>Term → (document, impact) ordered by document.</summary>
    public required IReadOnlyDictionary<string, (int Doc, int Impact)[]> Postings { get; init; }

    /// <summary>Law names as people type them → law slug, for article queries.</summary>
    public required IReadOnlyDictionary<string, string> LawNames { get; init; }

    /// <summary>Every name a law is cited by → its slug: the title, the title without 中华人民共和国, short names.</summary>
    public static IReadOnlyDictionary<string, string> LawNamesOf(Laws.LawRegistry registry)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var law in registry.Laws)
        {
            names.TryAdd(law.Title, law.Slug);
            if (law.Title.StartsWith("中华人民共和国", StringComparison.Ordinal)) names.TryAdd(law.Title["中华人民共和国".Length..], law.Slug);
            foreach (var name in law.ShortNames) names.TryAdd(name, law.Slug);
        }
        return names;
    }

    public static SearchIndex Build(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, string> lawNames)
    {
        var termFrequencies = new Dictionary<string, int>[documents.Count];
        var lengths = new double[documents.Count];
        Parallel.For(0, documents.Count, i =>
        {
            var doc = documents[i];
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            string[] fields = [doc.Title, doc.Breadcrumb + " " + doc.Headings, doc.Body];
            var length = 0.0;
            for (var f = 0; f < fields.Length; f++)
            {
                var tokens = SearchAnalyzer.Tokenize(fields[f]);
                length += tokens.Count * Boosts[f];
                foreach (var token in tokens) tf[token] = tf.GetValueOrDefault(token) + Boosts[f];
            }
            termFrequencies[i] = tf;
            lengths[i] = Math.Max(length, 1);
        });

        var average = lengths.Length == 0 ? 1 : lengths.Average();
        var byTerm = new Dictionary<string, List<(int Doc, double Score)>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        foreach (var (term, tf) in termFrequencies[i])
        {
            if (!byTerm.TryGetValue(term, out var list)) byTerm[term] = list = [];
            list.Add((i, tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[i] / average))));
        }

        var n = documents.Count;
        var scored = byTerm.ToDictionary(kv => kv.Key, kv =>
        {
            var idf = Math.Log(1 + (n - kv.Value.Count + 0.5) / (kv.Value.Count + 0.5));
            return kv.Value.Select(p => (p.Doc, Score: p.Score * idf)).ToList();
        }, StringComparer.Ordinal);
        var max = scored.Values.SelectMany(v => v).Select(p => p.Score).DefaultIfEmpty(1).Max();

        var postings = new Dictionary<string, (int, int)[]>(StringComparer.Ordinal);
        foreach (var (term, list) in scored)
        {
            // The rarest terms decide rankings; for very common ones the best-scoring postings suffice.
            var kept = list.Count > MaxPostings ? list.OrderByDescending(p => p.Score).ThenBy(p => p.Doc).Take(MaxPostings) : list;
            postings[term] = kept.Select(p => (p.Doc, Math.Clamp((int)Math.Round(p.Score / max * 255), 1, 255))).OrderBy(p => p.Item1).ToArray();
        }
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i].ArticleKey is { } key) postings["@" + key] = [(i, 255)];
        }
        return new SearchIndex { Documents = documents, Postings = postings, LawNames = lawNames };
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

    /// <summary>The index's files under search/{hash}/, and that folder's name.</summary>
    public (string Folder, List<OutputFile> Files) Write()
    {
        var shardCount = ShardCount;
        var shards = Enumerable.Range(0, shardCount).Select(_ => new SortedDictionary<string, string>(StringComparer.Ordinal)).ToArray();
        foreach (var (term, list) in Postings)
        {
            var sb = new StringBuilder();
            var last = 0;
            foreach (var (doc, impact) in list)
            {
                if (sb.Length > 0) sb.Append(',');
                sb.Append(doc - last).Append(',').Append(impact);
                last = doc;
            }
            shards[Hash(term) % shardCount][term] = sb.ToString();
        }

        var files = new List<(string Name, byte[] Content)>();
        for (var s = 0; s < shardCount; s++) files.Add(($"s{s}.json", JsonSerializer.SerializeToUtf8Bytes(shards[s], Json)));
        for (var c = 0; c * ChunkSize < Documents.Count; c++)
        {
            var chunk = Documents.Skip(c * ChunkSize).Take(ChunkSize)
                .Select(d => new[] { d.Title, d.Url, d.Breadcrumb, Snippet(d.Body) }).ToList();
            files.Add(($"d{c}.json", JsonSerializer.SerializeToUtf8Bytes(chunk, Json)));
        }
        var types = string.Concat(Documents.Select(d => (char)('0' + SearchDocument.Types.ToList().IndexOf(d.Type))));
        var manifest = new
        {
            docs = Documents.Count,
            shards = shardCount,
            chunk = ChunkSize,
            types,
            typeNames = SearchDocument.Types,
            laws = new SortedDictionary<string, string>(LawNames.ToDictionary(k => k.Key, k => k.Value), StringComparer.Ordinal),
        };
        files.Add(("manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json)));

        using var sha = SHA256.Create();
        foreach (var (name, content) in files)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            sha.TransformBlock(nameBytes, 0, nameBytes.Length, null, 0);
            sha.TransformBlock(content, 0, content.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        var folder = "search/" + Convert.ToHexStringLower(sha.Hash!)[..12] + "/";
        return (folder, files.Select(f => new OutputFile(folder + f.Name, f.Content)).ToList());
    }

    public static string Snippet(string body)
    {
        var flat = string.Join(" ", body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= SnippetLength ? flat : flat[..SnippetLength] + "…";
    }
}
