using Harness.Models.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Models.Bert;

/// <summary>One post-LayerNorm transformer layer with HF's parameter names: <c>attention.self.{query,key,value}</c>,
/// <c>attention.output.{dense,LayerNorm}</c>, <c>intermediate.dense</c>, <c>output.{dense,LayerNorm}</c>.</summary>
public sealed class BertLayer : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly BertSelfAttention _self;
    private readonly Linear _attentionDense;
    private readonly LayerNorm _attentionNorm;
    private readonly Linear _intermediate;
    private readonly Linear _outputDense;
    private readonly LayerNorm _outputNorm;
    private readonly Dropout _dropout;

    /// <summary>Creates the layer.</summary>
    /// <param name="config">The shape.</param>
    public BertLayer(BertConfig config)
        : base("layer")
    {
        ArgumentNullException.ThrowIfNull(config);
        _self = new BertSelfAttention(config);
        _attentionDense = nn.Linear(config.Hidden, config.Hidden);
        _attentionNorm = nn.LayerNorm(config.Hidden, config.LayerNormEpsilon);
        _intermediate = nn.Linear(config.Hidden, config.Intermediate);
        _outputDense = nn.Linear(config.Intermediate, config.Hidden);
        _outputNorm = nn.LayerNorm(config.Hidden, config.LayerNormEpsilon);
        _dropout = nn.Dropout(config.Dropout);

        // Module paths as in HF's BertLayer (attention = BertAttention{self, output}, intermediate, output).
        var attentionOutput = new ModuleGroup("output", ("dense", _attentionDense), ("LayerNorm", _attentionNorm));
        var attention = new ModuleGroup("attention", ("self", _self), ("output", attentionOutput));
        register_module("attention", attention);
        register_module("intermediate", new ModuleGroup("intermediate", ("dense", _intermediate)));
        register_module("output", new ModuleGroup("output", ("dense", _outputDense), ("LayerNorm", _outputNorm)));
        register_module("dropout", _dropout);
    }

    /// <summary>Runs the layer.</summary>
    /// <param name="hidden">[batch, length, hidden].</param>
    /// <param name="mask">Additive attention mask [batch, 1, 1, length]; null when no text of the batch is padded.</param>
    /// <returns>[batch, length, hidden].</returns>
    public override Tensor forward(Tensor hidden, Tensor? mask)
    {
        using var scope = NewDisposeScope();

        // The residual sums are in place on the fresh outputs of the dense layers (or of dropout): neither backward
        // reads its output, so this is autograd-safe and saves an allocation and a pass per sum.
        var attended = _attentionNorm.call(_dropout.call(_attentionDense.call(_self.call(hidden, mask))).PlusInPlace(hidden));
        var inner = WideProjection.Apply(attended, _intermediate.weight!, _intermediate.bias!);

        // GELU with erf (BERT's exact form), in place when no graph is recorded (its backward reads its input).
        inner = is_grad_enabled() ? nn.functional.gelu(inner) : inner.gelu_();
        return _outputNorm.call(_dropout.call(_outputDense.call(inner)).PlusInPlace(attended)).MoveToOuterDisposeScope();
    }
}
