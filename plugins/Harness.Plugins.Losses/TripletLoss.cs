using Harness.Abstractions.Losses;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// Triplet margin loss over every (query, positive, negative) triple: <c>max(0, margin - s_qp + s_qn)</c>.
/// Reduced by the mean over all triples, or over the triples with a non-zero term (<c>mean-active</c>, as
/// pytorch-metric-learning's AvgNonZeroReducer).
/// </summary>
/// <param name="margin">The margin.</param>
/// <param name="similarity">Dot or cosine.</param>
/// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
/// <param name="meanOverActive">Average over active triples only.</param>
public sealed class TripletLoss(double margin, SimilarityFunction similarity, bool inBatchNegatives, bool meanOverActive) : ILoss
{
    /// <inheritdoc />
    public Tensor Compute(LossBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        using var scope = NewDisposeScope();
        var s = Similarity.AllPairs(batch, similarity);
        var (positive, negative) = Similarity.Masks(batch.Labels, inBatchNegatives);

        // terms[i, p, n] = margin - s[i, p] + s[i, n], kept where p is a positive and n a negative of query i.
        var terms = nn.functional.relu(margin - s.unsqueeze(2) + s.unsqueeze(1));
        var valid = positive.unsqueeze(2).logical_and(negative.unsqueeze(1));
        var selected = terms.masked_select(valid);
        Tensor loss;
        if (selected.numel() == 0)
        {
            loss = (s * 0).sum();
        }
        else if (meanOverActive)
        {
            var active = selected.gt(0).sum();
            loss = active.item<long>() == 0 ? selected.sum() : selected.sum() / active;
        }
        else
        {
            loss = selected.mean();
        }

        return loss.MoveToOuterDisposeScope();
    }
}
