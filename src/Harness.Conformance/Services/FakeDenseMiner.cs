using Harness.Abstractions.Datasets;
using Harness.Abstractions.Services;
using Harness.Abstractions.Similarity;

namespace Harness.Conformance.Services;

/// <summary>
/// A deterministic tiny dense miner for sampler conformance: each text is a 32-dimensional bag of hashed words
/// (FNV-1a), compared by cosine. <see cref="ModelVersion"/> is set by the checks (as the trainer would advance it);
/// <see cref="RebuildIndex"/> records it as <see cref="IndexVersion"/>. Search ranks by score, ties by corpus order.
/// </summary>
/// <param name="training">The training view whose corpus is mined.</param>
public sealed class FakeDenseMiner(ITrainingData training) : IDenseMiner
{
    private const int Dimension = 32;
    private float[][]? _index;

    /// <inheritdoc />
    public SimilarityFunction Similarity => SimilarityFunction.Cosine;

    /// <inheritdoc />
    public long ModelVersion { get; set; }

    /// <inheritdoc />
    public long IndexVersion { get; private set; } = -1;

    /// <summary>How many index builds were made.</summary>
    public int Rebuilds { get; private set; }

    /// <inheritdoc />
    public void RebuildIndex(CancellationToken cancellationToken = default)
    {
        _index = training.Corpus.Select(d => Embed(d.FullText, ModelVersion)).ToArray();
        IndexVersion = ModelVersion;
        Rebuilds++;
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<ScoredCandidate>> Search(IReadOnlyList<Query> queries, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (_index is null)
        {
            RebuildIndex(cancellationToken);
        }

        var index = _index!;
        return queries.Select(q =>
        {
            var e = Embed(q.Text, ModelVersion);
            return (IReadOnlyList<ScoredCandidate>)index
                .Select((d, i) => (Index: i, Score: Dot(e, d)))
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Index)
                .Take(depth)
                .Select((x, rank) => new ScoredCandidate(training.Corpus[x.Index].Id, x.Score, rank))
                .ToList();
        }).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(documentIds);
        var e = Embed(query.Text, ModelVersion);
        return documentIds.Select(id =>
        {
            var i = training.IndexOf(id);
            return i < 0 ? double.NaN : Dot(e, Embed(training.Corpus[i].FullText, ModelVersion));
        }).ToList();
    }

    private static float[] Embed(string text, long version)
    {
        var v = new float[Dimension];
        foreach (var t in TermOverlap.Terms(text))
        {
            var h = 14695981039346656037UL ^ (ulong)version;
            foreach (var c in t)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            v[(int)(h % Dimension)] += 1;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }

    private static double Dot(float[] a, float[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
