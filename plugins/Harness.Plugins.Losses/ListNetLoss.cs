using Harness.Abstractions.Losses;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// ListNet (Cao et al., 2007), top-one approximation: for each query, the cross-entropy between the target
/// distribution softmax(labels / τ_label) over its candidates and the model's softmax(scores / τ). Uses the graded
/// labels, so a grade-2 document is pushed above a grade-1 one. Averaged over queries; candidates of other queries are
/// not involved (a list is one query's candidates).
/// </summary>
/// <param name="temperature">Score temperature τ.</param>
/// <param name="labelTemperature">Label temperature τ_label (smaller is closer to "all mass on the best grade").</param>
/// <param name="similarity">Dot or cosine.</param>
public sealed class ListNetLoss(double temperature, double labelTemperature, SimilarityFunction similarity) : ILoss
{
    /// <inheritdoc />
    public Tensor Compute(LossBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Validate();
        using var scope = NewDisposeScope();
        var q = batch.Queries;
        var d = batch.Documents;
        if (similarity == SimilarityFunction.Cosine)
        {
            q = nn.functional.normalize(q, p: 2, dim: 1, eps: 1e-12);
            d = nn.functional.normalize(d, p: 2, dim: 2, eps: 1e-12);
        }

        var s = q.unsqueeze(1).mul(d).sum(2) / temperature; // [B, M]
        var target = (batch.Labels / labelTemperature).softmax(1);
        var loss = -(target * s.log_softmax(1)).sum(1).mean();
        return loss.MoveToOuterDisposeScope();
    }
}
