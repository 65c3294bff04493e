using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Rerankers;
using Harness.Abstractions.Services;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// Static dense hard negatives (ANCE / STAR style): each query's top <c>depth</c> documents are mined once through the
/// host's <see cref="IDenseMiner"/> (the encoder as trained so far, after the warm-up epochs) and reused; with
/// <c>refreshEpochs</c> &gt; 0 the pools are mined again every that many epochs after the warm-up (ANCE's periodic
/// refresh of the index). Negatives are the hardest or a uniform draw from the pool, labelled positives removed, the
/// <c>skipTop</c> best dropped, and, when a <see cref="PositiveFilter"/> is given (<c>fn-filter</c>), every candidate
/// scoring too close to the positive dropped as a likely false negative (reported as Dropped for the host's count).
/// Pools are mined lazily per query (a batch is mined in one search) and cached under a lock; each negative carries
/// its pool rank and score and the index version it was mined at.
/// </summary>
/// <param name="depth">Candidates mined per query.</param>
/// <param name="uniform">Draw uniformly from the pool instead of taking the hardest.</param>
/// <param name="skipTop">Unlabelled candidates dropped from the top.</param>
/// <param name="warmupEpochs">Epochs before the first mining.</param>
/// <param name="refreshEpochs">Epochs between re-minings after the warm-up; 0 = mined once.</param>
/// <param name="filter">The false-negative filter, or null.</param>
/// <param name="source">The source name recorded with each negative.</param>
/// <param name="teacherFilter">RocketQA's cross-encoder denoising (<c>ce-denoise</c>; needs the host's Teacher), or null.</param>
public sealed class DenseStaticNegativeSampler(int depth, bool uniform, int skipTop, int warmupEpochs, int refreshEpochs, PositiveFilter? filter = null, string source = "dense-static", TeacherFilter? teacherFilter = null) : INegativeSampler
{
    private readonly Dictionary<string, Pool> _pools = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private IDenseMiner? _miner;
    private IReranker? _teacher;
    private ITrainingData? _training;
    private Dictionary<string, Document>? _documents;

    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _miner = setup.Services.DenseMiner
            ?? throw new InvalidOperationException($"{source} sampler: the host gave no DenseMiner service although the sampler declares SamplerNeeds.DenseMiner");
        _training = setup.Training;
        if (teacherFilter is not null)
        {
            _teacher = setup.Services.Teacher
                ?? throw new InvalidOperationException($"{source} sampler: the host gave no Teacher service although the sampler declares SamplerNeeds.Teacher");
            _documents = setup.Training!.Corpus.ToDictionary(d => d.Id, StringComparer.Ordinal);
        }
    }

    /// <inheritdoc />
    public void BeginEpoch(SamplerEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        var sinceWarmup = epoch.Epoch - warmupEpochs;
        if (sinceWarmup > 0 && refreshEpochs > 0 && sinceWarmup % refreshEpochs == 0)
        {
            lock (_lock)
            {
                _pools.Clear();
            }
        }
    }

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Choose(query, PoolsFor([query])[0], count, random);
    }

    /// <inheritdoc />
    public IReadOnlyList<NegativeSample> SampleBatch(SampleBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pools = PoolsFor(request.Queries);
        return request.Queries.Select((q, i) => Choose(q, pools[i], request.Count, request.RandomFor(q))).ToList();
    }

    private NegativeSample Choose(Query query, Pool pool, int count, Random random)
    {
        Func<ScoredCandidate, bool>? reject = pool.TeacherRejected is { } rejected
            ? c => rejected.Contains(c.DocumentId)
            : filter is null || pool.PositiveScore is not { } positive ? null : c => filter.Rejects(c.Score, positive);
        return MinedPool.Choose(_training!, query, pool.Ranked, count, random, uniform, skipTop, source, pool.MinedAt, reject);
    }

    private Pool[] PoolsFor(IReadOnlyList<Query> queries)
    {
        var miner = _miner ?? throw new InvalidOperationException($"{source} sampler: call Prepare before sampling");
        lock (_lock)
        {
            var missing = queries.Where(q => !_pools.ContainsKey(q.Id)).DistinctBy(q => q.Id).ToList();
            if (missing.Count > 0)
            {
                var mined = miner.Search(missing, depth);
                for (var i = 0; i < missing.Count; i++)
                {
                    double? positive = null;
                    if (filter is not null)
                    {
                        // The least-scored labelled positive: a candidate close to any positive is suspect.
                        var positives = _training!.LabelledPositives(missing[i].Id);
                        positive = positives.Count == 0 ? null : miner.Score(missing[i], positives).Min();
                    }

                    _pools[missing[i].Id] = new Pool(mined[i], positive, miner.IndexVersion, TeacherRejects(missing[i], mined[i]));
                }
            }

            return queries.Select(q => _pools[q.Id]).ToArray();
        }
    }

    // The candidates the teacher drops (ce-denoise): it scores the query's unlabelled candidates and its least-scored
    // labelled positive in one call; null without a teacher filter.
    private HashSet<string>? TeacherRejects(Query query, IReadOnlyList<ScoredCandidate> ranked)
    {
        if (teacherFilter is null)
        {
            return null;
        }

        var positives = _training!.LabelledPositives(query.Id);
        var candidates = ranked.Where(c => !_training.IsLabelledPositive(query.Id, c.DocumentId)).Select(c => c.DocumentId).ToList();
        var documents = candidates.Concat(positives).Select(id => _documents![id]).ToList();
        var scores = _teacher!.Score(query, documents);
        var positive = positives.Count == 0 ? double.PositiveInfinity : scores.Skip(candidates.Count).Min();
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (teacherFilter.Rejects(scores[i], positive))
            {
                rejected.Add(candidates[i]);
            }
        }

        return rejected;
    }

    private sealed record Pool(IReadOnlyList<ScoredCandidate> Ranked, double? PositiveScore, long MinedAt, HashSet<string>? TeacherRejected);
}
