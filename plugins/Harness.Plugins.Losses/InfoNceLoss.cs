using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Plugins.Losses;

/// <summary>
/// InfoNCE (contrastive cross-entropy). For query i and each of its positives p:
/// <c>-log( exp(s_ip/τ) / (exp(s_ip/τ) + Σ_n w_in·exp(s_in/τ)) )</c> = <c>softplus(logsumexp_n(s_in/τ + log w_in) - s_ip/τ)</c>,
/// where n runs over the query's valid negatives (and, with in-batch negatives, the other queries' candidates that are
/// not masked or excluded). The loss is the weighted mean over all (query, positive) pairs (<see cref="LossMath"/>).
/// With a learnable temperature, τ = exp(θ) with θ a parameter of <see cref="Module"/> initialised at log τ.
/// </summary>
public sealed class InfoNceLoss : ScoreLevelLoss
{
    private readonly double _temperature;
    private readonly TemperatureModule? _learnable;

    /// <summary>Creates the loss.</summary>
    /// <param name="temperature">τ &gt; 0 (the initial value when learnable).</param>
    /// <param name="similarity">Dot or cosine.</param>
    /// <param name="inBatchNegatives">Whether other queries' candidates are negatives too.</param>
    /// <param name="learnableTemperature">Whether τ is a trainable parameter.</param>
    /// <param name="device">Where the learnable parameter lives.</param>
    public InfoNceLoss(double temperature, SimilarityFunction similarity, bool inBatchNegatives, bool learnableTemperature = false, Device? device = null)
        : base(similarity, inBatchNegatives)
    {
        _temperature = temperature;
        _learnable = learnableTemperature ? new TemperatureModule(temperature, device ?? CPU) : null;
    }

    /// <inheritdoc />
    public override nn.Module? Module => _learnable;

    /// <inheritdoc />
    protected override Tensor Score(ScoreBatch batch)
    {
        var s = _learnable is null ? batch.Scores.DividedBy(_temperature) : batch.Scores / _learnable.LogTemperature.exp();
        var positive = LossMath.Positives(batch);
        var negLse = LossMath.WeightedLogits(batch, s, LossMath.Negatives(batch)).logsumexp(1, keepdim: true);
        var perPair = (negLse - s).Softplus();
        var weights = LossMath.RowWeights(batch).unsqueeze(1) * LossMath.ColumnWeights(batch);
        return LossMath.WeightedMean(perPair, positive, weights);
    }

    /// <summary>Holds log τ as a parameter.</summary>
    private sealed class TemperatureModule : nn.Module
    {
        public TemperatureModule(double temperature, Device device)
            : base("infonce-temperature")
        {
            LogTemperature = new Parameter(tensor((float)Math.Log(temperature), device: device));
            register_parameter("log_temperature", LogTemperature);
        }

        public Parameter LogTemperature { get; }
    }
}
