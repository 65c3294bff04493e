using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Services;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// BM25 hard negatives through the host's lexical service (<see cref="ILexicalSearcher"/>): the query's top
/// <c>depth</c> documents minus its labelled positives; the first <c>skipTop</c> of what is left are dropped (the
/// highest-ranked unlabelled documents are the likeliest false negatives; they are reported in
/// <see cref="NegativeSample.Dropped"/> so the host can count how many were hidden positives). From the rest it takes
/// the best-ranked (<c>hardest</c>) or draws uniformly (<c>uniform</c>). When the pool is too small, it fills with
/// uniform random negatives (never a dropped one) if <c>fillRandom</c> is set, and otherwise says why it returned fewer.
/// </summary>
/// <param name="depth">BM25 candidates per query.</param>
/// <param name="skipTop">Unlabelled candidates dropped from the top.</param>
/// <param name="uniform">Draw uniformly from the pool instead of taking the hardest.</param>
/// <param name="fillRandom">Fill a short pool with random negatives.</param>
/// <param name="metrics">Where pool sizes are reported.</param>
public sealed class Bm25NegativeSampler(int depth, int skipTop, bool uniform, bool fillRandom, IMetricsSink metrics) : INegativeSampler
{
    private readonly RandomNegativeSampler _random = new();
    private ILexicalSearcher? _lexical;
    private ITrainingData? _training;
    private int _epoch;

    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _lexical = setup.Services.Lexical
            ?? throw new InvalidOperationException("bm25 sampler: the host gave no Lexical service although the sampler declares SamplerNeeds.Lexical");
        _training = setup.Training;
        _random.Prepare(setup);
    }

    /// <inheritdoc />
    public void BeginEpoch(SamplerEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        _epoch = epoch.Epoch;
    }

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var lexical = _lexical ?? throw new InvalidOperationException("bm25 sampler: call Prepare before Sample");
        var training = _training!;
        var unlabelled = lexical.Search(query, depth).Where(c => !training.IsLabelledPositive(query.Id, c.DocumentId)).ToList();
        var dropped = unlabelled.Take(skipTop).Select(c => c.DocumentId).ToList();
        var pool = unlabelled.Skip(skipTop).ToList();
        List<ScoredCandidate> chosen;
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

        metrics.Record(new MetricPoint("bm25.pool-size", pool.Count, Epoch: _epoch));
        var ids = chosen.Select(c => c.DocumentId).ToList();
        var ranks = chosen.Select(c => c.Rank).ToList();
        var scores = chosen.Select(c => c.Score).ToList();
        var sources = Enumerable.Repeat("bm25", ids.Count).ToList();
        string? shortfall = null;
        if (ids.Count < count)
        {
            var shortBy = $"BM25 gave {ids.Count} negatives for '{query.Id}' (top {depth}, labelled positives removed, {dropped.Count} dropped); asked for {count}";
            if (fillRandom)
            {
                var fill = _random.SampleExcluding(query, count - ids.Count, random, [.. ids, .. dropped]);
                ids.AddRange(fill.DocumentIds);
                ranks.AddRange(Enumerable.Repeat(-1, fill.DocumentIds.Count));
                scores.AddRange(Enumerable.Repeat(double.NaN, fill.DocumentIds.Count));
                sources.AddRange(Enumerable.Repeat("random", fill.DocumentIds.Count));
                shortfall = fill.Shortfall is null ? null : $"{shortBy}; random fill: {fill.Shortfall}";
            }
            else
            {
                shortfall = shortBy;
            }
        }

        return new NegativeSample(ids, shortfall)
        {
            Ranks = ranks,
            Scores = scores,
            Sources = sources,
            Dropped = dropped,
        };
    }
}
