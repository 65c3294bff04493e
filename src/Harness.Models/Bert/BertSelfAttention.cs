using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Models.Bert;

/// <summary>Multi-head self-attention (HF's <c>BertSelfAttention</c>: query, key, value), computed with
/// <c>scaled_dot_product_attention</c> (libtorch's fused kernel) and an additive padding mask, or none when the batch
/// has no padding. The three projections keep their own parameters (HF's names, for loading and fine-tuning) but run
/// as one matrix product over their concatenated weights: one pass over the input and a wider, more efficient GEMM.</summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor?, Tensor>
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
    /// <param name="mask">Additive mask [batch, 1, 1, length]: 0 for tokens, -10000 for padding (as BERT's export);
    /// null when no text is padded.</param>
    /// <returns>The context vectors [batch, length, hidden] (before the output projection).</returns>
    public override Tensor forward(Tensor hidden, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var (b, l, h) = (hidden.shape[0], hidden.shape[1], hidden.shape[2]);

        // [b, l, 3h] -> [3, b, heads, l, h / heads]: strided views of the one product (the kernel takes strides).
        var weight = cat([_query.weight!, _key.weight!, _value.weight!], 0);
        var bias = cat([_query.bias!, _key.bias!, _value.bias!], 0);
        var qkv = WideProjection.Apply(hidden, weight, bias).view(b, l, 3, _heads, h / _heads).permute(2, 0, 3, 1, 4);
        var context = nn.functional.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], mask, training ? _dropout : 0.0);
        return context.transpose(1, 2).reshape(b, l, h).MoveToOuterDisposeScope();
    }
}
