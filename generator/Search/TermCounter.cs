using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace PublicEdu.Generator.Search;

/// <summary>
/// One document's terms, with boosted frequencies at the same positions, and its boosted length.
/// Two arrays rather than a dictionary: serve mode keeps these for every document, and on a
/// large site that is tens of millions of entries.
/// </summary>
public sealed record DocumentTerms(long[] Terms, int[] Frequencies, double Length);

/// <summary>
/// Tokenises documents into numbered terms, the costly part of indexing. A Han character or
/// pair is its own number; other words get one from a shared table, so counting millions of
/// tokens allocates no strings. Serve mode keeps one counter across rebuilds: a document object
/// it has counted before (an unchanged page's) is not tokenised again.
/// </summary>
public sealed class TermCounter
{
    private static readonly int[] Boosts = [4, 2, 1];

    /// <summary>Word ids start above every Han pair id ((0xFFFF &lt;&lt; 16) | 0xFFFF).</summary>
    private const long WordIdBase = 1L << 32;

    private readonly ConcurrentDictionary<string, long> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _wordsById = new();
    private long _nextWord = WordIdBase;
    private Dictionary<SearchDocument, DocumentTerms> _last = new(ReferenceEqualityComparer.Instance);

    public DocumentTerms[] Count(IReadOnlyList<SearchDocument> documents)
    {
        var result = new DocumentTerms[documents.Count];
        var last = _last;
        Parallel.For(0, documents.Count, i => result[i] = last.GetValueOrDefault(documents[i]) ?? Tokenise(documents[i]));
        var next = new Dictionary<SearchDocument, DocumentTerms>(documents.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Count; i++) next[documents[i]] = result[i];
        _last = next;
        return result;
    }

    public string TermText(long id) =>
        id >= WordIdBase ? _wordsById[id] : id > 0xFFFF ? new string([(char)(id >> 16), (char)(id & 0xFFFF)]) : ((char)id).ToString();

    private DocumentTerms Tokenise(SearchDocument doc)
    {
        var wordIds = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        var tf = new Dictionary<long, int>();
        string[] fields = [doc.Title, doc.Breadcrumb + " " + doc.Headings, doc.Body];
        var length = 0.0;
        for (var f = 0; f < fields.Length; f++)
        {
            var boost = Boosts[f];
            SearchAnalyzer.Analyze(fields[f], token =>
            {
                long id;
                if (SearchAnalyzer.IsHan(token[0]) && token.Length <= 2)
                    id = token.Length == 1 ? token[0] : (long)token[0] << 16 | token[1];
                else if (!wordIds.TryGetValue(token, out id))
                    id = _words.GetOrAdd(token.ToString(), NewWord);
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(tf, id, out _);
                count += boost;
                length += boost;
            });
        }
        return new DocumentTerms([.. tf.Keys], [.. tf.Values], Math.Max(length, 1));
    }

    private long NewWord(string word)
    {
        var id = Interlocked.Increment(ref _nextWord);
        _wordsById[id] = word;
        return id;
    }
}
