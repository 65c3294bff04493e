using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>BERT's input layer: word + position + token-type embeddings, LayerNorm, dropout. Submodule names follow
/// HF's <c>BertEmbeddings</c> so parameter names equal the ONNX initializer names.</summary>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _word;
    private readonly Embedding _position;
    private readonly Embedding _tokenType;
    private readonly LayerNorm _norm;
    private readonly Dropout _dropout;

    /// <summary>Creates the layer.</summary>
    /// <param name="config">The shape.</param>
    public BertEmbeddings(BertConfig config)
        : base("embeddings")
    {
        ArgumentNullException.ThrowIfNull(config);
        _word = nn.Embedding(config.VocabularySize, config.Hidden);
        _position = nn.Embedding(config.MaxPositions, config.Hidden);
        _tokenType = nn.Embedding(config.TypeVocabularySize, config.Hidden);
        _norm = nn.LayerNorm(config.Hidden, config.LayerNormEpsilon);
        _dropout = nn.Dropout(config.Dropout);
        register_module("word_embeddings", _word);
        register_module("position_embeddings", _position);
        register_module("token_type_embeddings", _tokenType);
        register_module("LayerNorm", _norm);
        register_module("dropout", _dropout);
    }

    /// <summary>Embeds token ids (single segment: token type 0 everywhere).</summary>
    /// <param name="ids">int64 [batch, length].</param>
    /// <returns>[batch, length, hidden].</returns>
    public override Tensor forward(Tensor ids)
    {
        using var scope = NewDisposeScope();
        var length = ids.shape[1];
        var positions = arange(length, dtype: ScalarType.Int64, device: ids.device).unsqueeze(0);
        var sum = _word.call(ids) + _tokenType.call(zeros_like(ids)) + _position.call(positions);
        return _dropout.call(_norm.call(sum)).MoveToOuterDisposeScope();
    }
}
