namespace Harness.Training;

/// <summary>The optimiser the trainer steps with. Both keep Adam's first and second moments per parameter; parameters
/// whose gradient is sparse (embedding tables built with <c>sparse: true</c>) get the lazy row-wise update
/// (see <see cref="Optimization.AdamOptimizer"/>).</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma and Ba, 2015) with weight decay added to the gradient (L2), as torch.optim.Adam.</summary>
    Adam,

    /// <summary>AdamW (Loshchilov and Hutter, 2019): decoupled weight decay, as torch.optim.AdamW.</summary>
    AdamW,
}
