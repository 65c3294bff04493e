using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Services;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// Dynamic dense hard negatives (ADORE, Zhan et al., 2021): every batch is searched again with the CURRENT query
/// encoder through the host's <see cref="IDenseMiner"/> (one search per batch), so the negatives follow the model;
/// the document index is rebuilt by the host per the declared refresh policy (every epoch, or every N steps). The
/// hardest unlabelled documents of the top <c>depth</c> are taken (ADORE trains on the top-ranked irrelevant
/// documents), or a uniform draw from them. Each negative carries its rank, score and the index version.
/// </summary>
/// <param name="depth">Candidates mined per query.</param>
/// <param name="uniform">Draw uniformly from the pool instead of taking the hardest.</param>
/// <param name="skipTop">Unlabelled candidates dropped from the top.</param>
public sealed class DenseDynamicNegativeSampler(int depth, bool uniform, int skipTop) : INegativeSampler
{
    private IDenseMiner? _miner;
    private ITrainingData? _training;

    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _miner = setup.Services.DenseMiner
            ?? throw new InvalidOperationException("dense-dynamic sampler: the host gave no DenseMiner service although the sampler declares SamplerNeeds.DenseMiner");
        _training = setup.Training;
    }

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var miner = Miner();
        return MinedPool.Choose(_training!, query, miner.Search([query], depth)[0], count, random, uniform, skipTop, "dense-dynamic", miner.IndexVersion);
    }

    /// <inheritdoc />
    public IReadOnlyList<NegativeSample> SampleBatch(SampleBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var miner = Miner();
        var mined = miner.Search(request.Queries, depth);
        return request.Queries
            .Select((q, i) => MinedPool.Choose(_training!, q, mined[i], request.Count, request.RandomFor(q), uniform, skipTop, "dense-dynamic", miner.IndexVersion))
            .ToList();
    }

    private IDenseMiner Miner() => _miner ?? throw new InvalidOperationException("dense-dynamic sampler: call Prepare before sampling");
}
