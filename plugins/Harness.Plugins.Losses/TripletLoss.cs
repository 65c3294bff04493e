using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// Triplet margin loss over every valid (query, positive, negative) triple: <c>max(0, margin - s_qp + s_qn)</c>.
/// Reduced by the weighted mean over all triples, or over the triples with a non-zero term (<c>mean-active</c>, as
/// pytorch-metric-learning's AvgNonZeroReducer). Triples are built per row over its own positives only
/// (<see cref="LossMath.PairDifferences"/>), O(B·P·N) memory.
/// </summary>
/// <param name="margin">The margin.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
/// <param name="meanOverActive">Average over active triples only.</param>
public sealed class TripletLoss(double margin, SimilarityFunction similarity, bool inBatchNegatives, bool meanOverActive) : ScoreLevelLoss(similarity, inBatchNegatives)
{
    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var (d, valid, weights) = LossMath.PairDifferences(batch);

        // terms[i, p, n] = max(0, margin - (s_ip - s_in)), kept where p is a positive and n a negative of query i.
        var terms = nn.functional.relu(d.SubtractedFrom(margin));
        if (meanOverActive)
        {
            // Average over the triples that violate the margin: inactive triples are masked out of the mean.
            var active = valid.logical_and(terms.gt(Scalars.Zero));
            if (active.any().item<bool>())
            {
                valid = active;
            }
        }

        return LossMath.WeightedMean(terms, valid, weights);
    }
}
