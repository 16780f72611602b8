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
    public const int ChunkSize = 16;
    public const int SnippetLength = 140;
    private const int TargetShardBytes = 12 * 1024;
    private const int MaxPostings = 1500;
    private const double K1 = 1.2, B = 0.75;

    public required IReadOnlyList<SearchDocument> Documents { get; init; }

    /// <summary>Term → (document, impact) ordered by document.</summary>
    public required IReadOnlyDictionary<string, (int Doc, int Impact)[]> Postings { get; init; }

    /// <summary>Law names as people type them → law slug, for article queries.</summary>
    public required IReadOnlyDictionary<string, string> LawNames { get; init; }

    /// <summary>Every name a law is cited by → its slug: the title, the title without 中华人民共和国, short names.</summary>
    public static IReadOnlyDictionary<string, string> LawNamesOf(Laws.LawRegistry registry)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, law) in registry.Names) names[name] = law.Slug;
        return names;
    }

    /// <param name="counter">Serve mode passes the same counter to every rebuild so unchanged documents are not tokenised again.</param>
    public static SearchIndex Build(IReadOnlyList<SearchDocument> documents, IReadOnlyDictionary<string, string> lawNames, TermCounter? counter = null)
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
                chunk.Select(d => new[] { d.Title, d.Url, d.Breadcrumb, Snippet(d.Body) }).ToList(), Json)));
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

    public static string Snippet(string body)
    {
        var flat = string.Join(" ", body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= SnippetLength ? flat : flat[..SnippetLength] + "…";
    }
}
