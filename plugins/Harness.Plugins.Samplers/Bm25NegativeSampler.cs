using Harness.Abstractions.Data;
using Harness.Abstractions.Sampling;
using Harness.Abstractions.Services;
using Harness.Retrieval.Lexical;

namespace Harness.Plugins.Samplers;

/// <summary>
/// BM25 hard negatives: the query's top <c>depth</c> BM25 documents (Lucene index cached per dataset content hash)
/// minus its labelled positives, minus the first <c>skipTop</c> of what is left (the highest-ranked unlabelled
/// documents are the likeliest false negatives). From that pool it takes the best-ranked (<c>hardest</c>) or draws
/// uniformly (<c>uniform</c>). When the pool is too small, it fills with uniform random negatives if
/// <c>fillRandom</c> is set, and otherwise says why it returned fewer.
/// </summary>
/// <param name="depth">BM25 candidates per query.</param>
/// <param name="skipTop">Unlabelled candidates skipped from the top.</param>
/// <param name="uniform">Draw uniformly from the pool instead of taking the hardest.</param>
/// <param name="fillRandom">Fill a short pool with random negatives.</param>
/// <param name="options">BM25 parameters.</param>
/// <param name="cache">The host cache for the index (null: an in-memory index).</param>
/// <param name="cancellationToken">Cancels index building.</param>
public sealed class Bm25NegativeSampler(int depth, int skipTop, bool uniform, bool fillRandom, Bm25Options options, IPluginCache? cache, CancellationToken cancellationToken) : INegativeSampler, IDisposable
{
    private readonly RandomNegativeSampler _random = new(1);
    private Bm25Index? _index;
    private Qrels _qrels = Qrels.Empty;

    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _index?.Dispose();
        _index = Bm25Index.OpenOrBuild(setup.Dataset, cache, options, null, cancellationToken);
        _qrels = setup.Dataset.GetQrels(setup.Split);
        _random.Prepare(setup);
    }

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var index = _index ?? throw new InvalidOperationException("bm25 sampler: call Prepare before Sample");
        var pool = index.Search(query.Text, depth)
            .Select(d => d.DocumentId)
            .Where(d => !_qrels.IsRelevant(query.Id, d))
            .Skip(skipTop)
            .ToList();
        List<string> chosen;
        if (pool.Count <= count)
        {
            chosen = pool;
        }
        else if (uniform)
        {
            // Partial Fisher-Yates over a copy: the first `count` slots are a uniform sample without replacement.
            var copy = pool.ToArray();
            for (var i = 0; i < count; i++)
            {
                var j = random.Next(i, copy.Length);
                (copy[i], copy[j]) = (copy[j], copy[i]);
            }

            chosen = copy.Take(count).ToList();
        }
        else
        {
            chosen = pool.Take(count).ToList();
        }

        if (chosen.Count == count)
        {
            return new NegativeSample(chosen);
        }

        var shortBy = $"BM25 gave {chosen.Count} negatives for '{query.Id}' (top {depth}, {skipTop} skipped, labelled positives removed); asked for {count}";
        if (!fillRandom)
        {
            return new NegativeSample(chosen, shortBy);
        }

        var fill = _random.SampleExcluding(query, count - chosen.Count, random, chosen);
        chosen.AddRange(fill.DocumentIds);
        return new NegativeSample(chosen, fill.Shortfall is null ? null : $"{shortBy}; random fill: {fill.Shortfall}");
    }

    /// <inheritdoc />
    public void Dispose() => _index?.Dispose();
}
