using Harness.Models.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Models.Bert;

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
    public override Tensor forward(Tensor ids) => Embed(ids, null);

    /// <summary>Embeds token ids with their segments (a sentence pair: 0 for the first text, 1 for the second).</summary>
    /// <param name="ids">int64 [batch, length].</param>
    /// <param name="tokenTypes">int64 [batch, length]; null for token type 0 everywhere.</param>
    /// <returns>[batch, length, hidden].</returns>
    public Tensor Embed(Tensor ids, Tensor? tokenTypes)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var scope = NewDisposeScope();
        var length = ids.shape[1];
        var positions = TorchScalars.Positions(length, ids.device);

        // In place on the word lookup's fresh output (an embedding's backward does not read its output). Segment 0
        // everywhere is one row of the token-type table, broadcast, instead of a lookup per token.
        var sum = _word.call(ids);
        sum.PlusInPlace(tokenTypes is null ? _tokenType.weight!.select(0, 0) : _tokenType.call(tokenTypes));
        sum.PlusInPlace(_position.call(positions));
        return _dropout.call(_norm.call(sum)).MoveToOuterDisposeScope();
    }
}
