using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.NegativeSamplers;

/// <summary>
/// Chooses negative documents for training queries. A sampler sees only the training view and the services it
/// declared (never the encoder being trained, never hidden positives or dev/test judgments). It never returns a
/// labelled positive (grade ≥ <see cref="ITrainingData.PositiveGrade"/>), never the same document twice for one query,
/// returns the requested count or says why not, and is deterministic given the same random streams and service
/// answers. The host calls <see cref="Prepare"/> once, then per epoch <see cref="BeginEpoch"/> and
/// <see cref="SampleBatch"/> for each batch.
/// </summary>
public interface INegativeSampler
{
    /// <summary>Builds whatever the sampler needs (candidate pools, lookups). Called once before sampling.</summary>
    /// <param name="setup">The training view and the declared services.</param>
    void Prepare(NegativeSamplerSetup setup);

    /// <summary>Chooses negatives for one query.</summary>
    /// <param name="query">A training query.</param>
    /// <param name="count">How many negatives are wanted (&gt; 0).</param>
    /// <param name="random">The query's stream; the caller owns its state.</param>
    /// <returns>The negatives (with metadata), and a reason when fewer than <paramref name="count"/>.</returns>
    NegativeSample Sample(Query query, int count, Random random);

    /// <summary>Called before each epoch's first batch (dynamic samplers re-mine here). The default does nothing.</summary>
    /// <param name="epoch">The epoch.</param>
    void BeginEpoch(SamplerEpoch epoch)
    {
    }

    /// <summary>
    /// Negatives for a batch, one per query in order: what the host calls. Override it to search once per batch or
    /// vectorise; the result must equal calling <see cref="Sample"/> per query with <c>request.RandomFor(query)</c>
    /// (the conformance suite checks it). The default does exactly that.
    /// </summary>
    /// <param name="request">The batch.</param>
    /// <returns>One sample per query.</returns>
    IReadOnlyList<NegativeSample> SampleBatch(SampleBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new NegativeSample[request.Queries.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var q = request.Queries[i];
            result[i] = Sample(q, request.Count, request.RandomFor(q));
        }

        return result;
    }
}
