using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// STAR (Zhan et al., 2021): static hard negatives (<see cref="DenseStaticNegativeSampler"/>, mined once after the
/// warm-up) mixed with random negatives, which stabilise training. Of <c>count</c> negatives, round(count ×
/// <c>hardFraction</c>) are hard and the rest uniform random documents (never a labelled positive, a chosen hard
/// negative or a dropped candidate). STAR's random negatives are the other queries' documents of the batch; here
/// they are sampled per query (use a loss with in-batch negatives for STAR's in-batch half as well).
/// </summary>
/// <param name="hard">The static hard sampler.</param>
/// <param name="hardFraction">The share of hard negatives, 0..1.</param>
public sealed class StarNegativeSampler(DenseStaticNegativeSampler hard, double hardFraction) : INegativeSampler
{
    private readonly RandomNegativeSampler _random = new();

    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
        hard.Prepare(setup);
        _random.Prepare(setup);
    }

    /// <inheritdoc />
    public void BeginEpoch(SamplerEpoch epoch) => hard.BeginEpoch(epoch);

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Mix(query, count, random, hard.Sample(query, HardCount(count), random));
    }

    /// <inheritdoc />
    public IReadOnlyList<NegativeSample> SampleBatch(SampleBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One stream per query for both draws, as Sample uses one: the hard draw, then the random fill, continue it.
        var streams = new Dictionary<string, Random>(StringComparer.Ordinal);
        Random For(Query q) => streams.TryGetValue(q.Id, out var r) ? r : streams[q.Id] = request.RandomFor(q);
        var hardOnes = hard.SampleBatch(request with { Count = HardCount(request.Count), RandomFor = For });
        return request.Queries.Select((q, i) => Mix(q, request.Count, For(q), hardOnes[i])).ToList();
    }

    private int HardCount(int count) => Math.Max(1, (int)Math.Round(count * hardFraction, MidpointRounding.AwayFromZero));

    private NegativeSample Mix(Query query, int count, Random random, NegativeSample hardOnes)
    {
        var ids = hardOnes.DocumentIds.ToList();
        var ranks = hardOnes.Ranks?.ToList() ?? [.. Enumerable.Repeat(-1, ids.Count)];
        var scores = hardOnes.Scores?.ToList() ?? [.. Enumerable.Repeat(double.NaN, ids.Count)];
        var sources = hardOnes.Sources?.ToList() ?? [.. Enumerable.Repeat("dense-static", ids.Count)];
        var dropped = hardOnes.Dropped ?? [];
        string? shortfall = null;
        if (ids.Count < count)
        {
            var fill = _random.SampleExcluding(query, count - ids.Count, random, [.. ids, .. dropped]);
            ids.AddRange(fill.DocumentIds);
            ranks.AddRange(Enumerable.Repeat(-1, fill.DocumentIds.Count));
            scores.AddRange(Enumerable.Repeat(double.NaN, fill.DocumentIds.Count));
            sources.AddRange(Enumerable.Repeat("random", fill.DocumentIds.Count));
            shortfall = fill.Shortfall;
        }

        return new NegativeSample(ids, shortfall)
        {
            Ranks = ranks,
            Scores = scores,
            Sources = sources,
            Dropped = dropped,
            MinedAtModelVersion = hardOnes.MinedAtModelVersion,
        };
    }
}
