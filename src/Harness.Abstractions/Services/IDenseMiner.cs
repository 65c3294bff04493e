using Harness.Abstractions.Datasets;
using Harness.Abstractions.Similarity;

namespace Harness.Abstractions.Services;

/// <summary>
/// Host dense mining over the encoder being trained, for negative samplers that declare
/// <see cref="NegativeSamplers.SamplerNeeds.DenseMiner"/>. It encodes under no_grad in eval mode and restores the
/// module's training mode; it never exposes the trainable module. Called on the host's training thread, between steps.
/// </summary>
public interface IDenseMiner
{
    /// <summary>The similarity the cell trains for (the loss's, else the encoder's preferred one).</summary>
    SimilarityFunction Similarity { get; }

    /// <summary>Optimizer steps applied to the encoder so far.</summary>
    long ModelVersion { get; }

    /// <summary>The <see cref="ModelVersion"/> at which the corpus embeddings were computed; -1 before the first build.</summary>
    long IndexVersion { get; }

    /// <summary>Re-encodes the corpus with the current document encoder (expensive).</summary>
    /// <param name="cancellationToken">Cancels encoding.</param>
    void RebuildIndex(CancellationToken cancellationToken = default);

    /// <summary>
    /// The top documents of each query: queries encoded with the CURRENT query encoder, documents from the index
    /// (built on first use when there is none).
    /// </summary>
    /// <param name="queries">The queries.</param>
    /// <param name="depth">How many per query.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>One ranked list per query.</returns>
    IReadOnlyList<IReadOnlyList<ScoredCandidate>> Search(IReadOnlyList<Query> queries, int depth, CancellationToken cancellationToken = default);

    /// <summary>The current model's scores of given documents for a query (for example the positive's score).</summary>
    /// <param name="query">The query.</param>
    /// <param name="documentIds">Corpus document ids.</param>
    /// <returns>One score per id.</returns>
    IReadOnlyList<double> Score(Query query, IReadOnlyList<string> documentIds);
}
