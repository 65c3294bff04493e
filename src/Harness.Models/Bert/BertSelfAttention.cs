using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Models.Bert;

/// <summary>Multi-head self-attention (HF's <c>BertSelfAttention</c>: query, key, value), computed with
/// <c>scaled_dot_product_attention</c> (libtorch's fused kernel) and an additive padding mask.</summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly int _heads;
    private readonly double _dropout;

    /// <summary>Creates the block.</summary>
    /// <param name="config">The shape.</param>
    public BertSelfAttention(BertConfig config)
        : base("self")
    {
        ArgumentNullException.ThrowIfNull(config);
        _heads = config.Heads;
        _dropout = config.Dropout;
        _query = nn.Linear(config.Hidden, config.Hidden);
        _key = nn.Linear(config.Hidden, config.Hidden);
        _value = nn.Linear(config.Hidden, config.Hidden);
        register_module("query", _query);
        register_module("key", _key);
        register_module("value", _value);
    }

    /// <summary>Attends.</summary>
    /// <param name="hidden">[batch, length, hidden].</param>
    /// <param name="mask">Additive mask [batch, 1, 1, length]: 0 for tokens, -10000 for padding (as BERT's export).</param>
    /// <returns>The context vectors [batch, length, hidden] (before the output projection).</returns>
    public override Tensor forward(Tensor hidden, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var (b, l, h) = (hidden.shape[0], hidden.shape[1], hidden.shape[2]);
        var q = Split(_query.call(hidden), b, l, h);
        var k = Split(_key.call(hidden), b, l, h);
        var v = Split(_value.call(hidden), b, l, h);
        var context = nn.functional.scaled_dot_product_attention(q, k, v, mask, training ? _dropout : 0.0);
        return context.transpose(1, 2).reshape(b, l, h).MoveToOuterDisposeScope();
    }

    private Tensor Split(Tensor x, long b, long l, long h) => x.view(b, l, _heads, h / _heads).transpose(1, 2);
}
