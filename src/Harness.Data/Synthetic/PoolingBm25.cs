namespace Harness.Data.Synthetic;

/// <summary>
/// The weak retriever that decides which documents of a pooled <see cref="SyntheticDataset"/> were ever judged: BM25
/// (Robertson and Zaragoza, 2009) with Lucene's idf <c>ln(1 + (N − df + 0.5)/(df + 0.5))</c> and Anserini's defaults
/// k1 = 0.9, b = 0.4, over the synthetic vocabulary ids (the corpus's words are whitespace-separated, so word ids are
/// exactly its terms). Hand-written rather than the host's Lucene index on purpose: the pool is part of the dataset's
/// definition, so its content hash must not depend on an analyzer version, and Harness.Data cannot reference
/// Harness.Retrieval. Memory: one posting (document, term frequency) per distinct term of each document.
/// </summary>
internal sealed class PoolingBm25
{
    /// <summary>Anserini's BM25 k1.</summary>
    public const double K1 = 0.9;

    /// <summary>Anserini's BM25 b.</summary>
    public const double B = 0.4;

    private readonly int[][] _postingDocs;
    private readonly int[][] _postingFreqs;
    private readonly int[] _lengths;
    private readonly double _averageLength;

    public PoolingBm25(SyntheticModel model, int vocabularySize)
    {
        var n = model.DocumentCount;
        _lengths = new int[n];
        var docs = new List<int>[vocabularySize];
        var freqs = new List<int>[vocabularySize];
        var words = new List<int>(256);
        var tf = new Dictionary<int, int>();
        long total = 0;
        for (var d = 0; d < n; d++)
        {
            model.DocumentWordIds(d, words);
            _lengths[d] = words.Count;
            total += words.Count;
            tf.Clear();
            foreach (var w in words)
            {
                tf[w] = tf.GetValueOrDefault(w) + 1;
            }

            foreach (var (w, f) in tf)
            {
                (docs[w] ??= []).Add(d);
                (freqs[w] ??= []).Add(f);
            }
        }

        _postingDocs = docs.Select(l => l?.ToArray() ?? []).ToArray();
        _postingFreqs = freqs.Select(l => l?.ToArray() ?? []).ToArray();
        _averageLength = n == 0 ? 0 : (double)total / n;
    }

    /// <summary>The top <paramref name="depth"/> document indexes for a bag of query words, best first; ties (and
    /// equal scores) go to the lower document index. Documents sharing no term with the query are never returned.</summary>
    public IReadOnlyList<int> Search(IReadOnlyList<int> queryWords, int depth)
    {
        var n = _lengths.Length;
        var scores = new Dictionary<int, double>();
        foreach (var group in queryWords.GroupBy(w => w))
        {
            var w = group.Key;
            var postings = _postingDocs[w];
            if (postings.Length == 0)
            {
                continue;
            }

            // A repeated query word counts once per occurrence, as Lucene's BooleanQuery of term queries does.
            var weight = group.Count() * Math.Log(1 + ((n - postings.Length + 0.5) / (postings.Length + 0.5)));
            var freqs = _postingFreqs[w];
            for (var i = 0; i < postings.Length; i++)
            {
                var d = postings[i];
                var f = freqs[i];
                var norm = K1 * (1 - B + (B * _lengths[d] / _averageLength));
                scores[d] = scores.GetValueOrDefault(d) + (weight * f * (K1 + 1) / (f + norm));
            }
        }

        return scores
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key)
            .Take(depth)
            .Select(p => p.Key)
            .ToList();
    }
}
