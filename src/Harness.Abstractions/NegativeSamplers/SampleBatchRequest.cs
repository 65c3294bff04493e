using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.NegativeSamplers;

/// <summary>A request for the negatives of one training batch.</summary>
/// <param name="Queries">Training queries of the batch.</param>
/// <param name="Count">Negatives wanted per query (&gt; 0).</param>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="GlobalStep">Optimizer steps taken so far.</param>
/// <param name="RandomFor">
/// The random stream of each query for this epoch: independent of batch composition and order, so sampling is
/// reproducible with any batching and safe to prefetch. The same query gives the same stream within a request.
/// </param>
public sealed record SampleBatchRequest(IReadOnlyList<Query> Queries, int Count, int Epoch, long GlobalStep, Func<Query, Random> RandomFor);
