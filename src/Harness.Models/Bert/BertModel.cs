using Harness.Models.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Models.Bert;

/// <summary>
/// A BERT encoder (HF's <c>BertModel</c> without the pooler): embeddings, then <see cref="BertConfig.Layers"/>
/// post-LayerNorm layers. Parameter names equal HF's (<c>embeddings.word_embeddings.weight</c>,
/// <c>encoder.layer.3.attention.self.query.weight</c>, ...), which is how <see cref="OnnxBertWeights"/> maps an exported
/// model's initializers onto it.
/// </summary>
public sealed class BertModel : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BertEmbeddings _embeddings;
    private readonly ModuleList<BertLayer> _layers;

    /// <summary>Creates the model with TorchSharp's default initialisation (overwritten by a loader or <see cref="InitializeFromSeed"/>).</summary>
    /// <param name="config">The shape.</param>
    public BertModel(BertConfig config)
        : base("bert")
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Hidden % config.Heads != 0)
        {
            throw new ArgumentException($"hidden size {config.Hidden} is not a multiple of {config.Heads} heads", nameof(config));
        }

        Config = config;
        _embeddings = new BertEmbeddings(config);
        _layers = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new BertLayer(config)).ToArray());
        register_module("embeddings", _embeddings);
        register_module("encoder", new ModuleGroup("encoder", ("layer", _layers)));
    }

    /// <summary>The shape.</summary>
    public BertConfig Config { get; }

    /// <summary>The embedding layer (for freezing).</summary>
    public BertEmbeddings Embeddings => _embeddings;

    /// <summary>The transformer layers, bottom first (for freezing).</summary>
    public IReadOnlyList<BertLayer> Layers => [.. _layers];

    /// <summary>Initialises every weight as BERT does (normal, std 0.02; LayerNorm 1 and 0; biases 0) from a generator
    /// seeded with <paramref name="seed"/>, in parameter-name order, so the same seed gives the same model.</summary>
    /// <param name="seed">The seed.</param>
    public void InitializeFromSeed(ulong seed)
    {
        using var generator = new Generator(seed);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                parameter.zero_();
            }
            else if (name.Contains("LayerNorm", StringComparison.Ordinal))
            {
                parameter.fill_(TorchScalars.One);
            }
            else
            {
                // normal_ in place with plain doubles (torch.normal(double, double, ...) makes an implicit Scalar).
                parameter.normal_(0.0, 0.02, generator);
            }
        }
    }

    /// <summary>Encodes a padded batch (single segment).</summary>
    /// <param name="ids">Token ids, int64 [batch, length].</param>
    /// <param name="attentionMask">1 for tokens, 0 for padding, int64 [batch, length].</param>
    /// <returns>The last hidden states [batch, length, hidden].</returns>
    public override Tensor forward(Tensor ids, Tensor attentionMask) => Encode(ids, attentionMask, null);

    /// <summary>Encodes a padded batch of single texts or sentence pairs.</summary>
    /// <param name="ids">Token ids, int64 [batch, length].</param>
    /// <param name="attentionMask">1 for tokens, 0 for padding, int64 [batch, length]; null when no text of the batch is
    /// padded (attention then runs without a mask, libtorch's fastest path).</param>
    /// <param name="tokenTypes">Segment ids, int64 [batch, length] (0 first text, 1 second); null for all 0.</param>
    /// <returns>The last hidden states [batch, length, hidden].</returns>
    public Tensor Encode(Tensor ids, Tensor? attentionMask, Tensor? tokenTypes)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var scope = NewDisposeScope();
        var hidden = _embeddings.Embed(ids, tokenTypes);

        // Additive mask as in the exported graphs, (1 - mask) * -10000 = (mask - 1) * 10000, broadcast over heads and
        // query positions.
        var additive = attentionMask?.to_type(hidden.dtype, copy: true).sub_(TorchScalars.One).mul_(TorchScalars.MaskPenalty)
            .view(ids.shape[0], 1, 1, ids.shape[1]);
        foreach (var layer in _layers)
        {
            hidden = layer.call(hidden, additive);
        }

        return hidden.MoveToOuterDisposeScope();
    }
}
