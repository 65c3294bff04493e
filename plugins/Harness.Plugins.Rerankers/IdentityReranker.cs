using Harness.Abstractions.Datasets;
using Harness.Abstractions.Rerankers;

namespace Harness.Plugins.Rerankers;

/// <summary>
/// The <c>none</c> reranker: keeps the first-stage order. The i-th of n candidates scores n − i, so a stable sort by
/// descending score reproduces the order it was given, and the scores stay finite and distinct.
/// </summary>
public sealed class IdentityReranker : IReranker
{
    /// <inheritdoc />
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = scores.Length - i;
        }

        return scores;
    }
}
