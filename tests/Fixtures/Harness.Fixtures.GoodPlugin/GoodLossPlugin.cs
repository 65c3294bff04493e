using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using static TorchSharp.torch;

namespace Harness.Fixtures.GoodPlugin;

/// <summary>A well-behaved loss: mean softplus(s_neg - s_pos) over each row's own candidates (dot product).</summary>
public sealed class GoodLossPlugin : ILossPlugin
{
    public PluginInfo Info { get; } = new("fixture-good", PluginKind.Loss, "0.1.0", "A loader fixture: pairwise logistic loss.", [ParameterSpec.Float("scale", 1.0, "Score scale.", min: 0, exclusiveMin: true)]);

    public ILoss Create(PluginParameters parameters, IPluginContext context) => new PairwiseLogistic(parameters.GetDouble("scale"));

    private sealed class PairwiseLogistic(double scale) : ILoss
    {
        public Tensor Compute(LossBatch batch)
        {
            var s = batch.Queries.unsqueeze(1).mul(batch.Documents).sum(2) * scale; // [B, M]
            var pos = batch.Labels.gt(0);
            var diff = s.unsqueeze(1) - s.unsqueeze(2); // [B, p, n] = s_n - s_p
            var mask = pos.unsqueeze(2).logical_and(pos.logical_not().unsqueeze(1));
            return nn.functional.softplus(diff).masked_select(mask).mean();
        }
    }
}
