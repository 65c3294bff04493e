using Harness.Abstractions.Data;
using Harness.Abstractions.Encoders;

namespace Harness.Abstractions.Sampling;

/// <summary>
/// Chooses negative documents for training queries. A sampler never returns a labelled positive of the query,
/// never returns the same document twice for one query, returns the requested count or says why not, and is
/// deterministic given the same <see cref="Random"/> state.
/// </summary>
public interface INegativeSampler
{
    /// <summary>Builds whatever the sampler needs (indexes, candidate lists). Called once before sampling.</summary>
    /// <param name="setup">Dataset, split and (for dense mining) the encoder.</param>
    void Prepare(NegativeSamplerSetup setup);

    /// <summary>Chooses negatives for one query.</summary>
    /// <param name="query">A query of the prepared split.</param>
    /// <param name="count">How many negatives are wanted (&gt; 0).</param>
    /// <param name="random">The generator to draw from; the caller owns its state.</param>
    /// <returns>The negatives, and a reason when fewer than <paramref name="count"/> could be returned.</returns>
    NegativeSample Sample(Query query, int count, Random random);

    /// <summary>
    /// Called when the encoder has changed (for example every N steps during training) so that dynamic dense
    /// miners can re-encode. The default does nothing.
    /// </summary>
    /// <param name="encoder">The current encoder.</param>
    void Refresh(IEncoder encoder)
    {
    }
}
