using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// The <c>in-batch</c> sampler adds no negatives: the loss's negatives are the other queries' candidates in the batch
/// (it declares <see cref="SamplerNeeds.InBatchOnly"/>, so the host never asks it for any and needs a loss with
/// in-batch negatives). Asked anyway, it returns none and says why.
/// </summary>
public sealed class InBatchNegativeSampler : INegativeSampler
{
    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup) => ArgumentNullException.ThrowIfNull(setup);

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new NegativeSample([], "in-batch adds no sampled negatives: the loss uses the other queries' candidates");
    }
}
