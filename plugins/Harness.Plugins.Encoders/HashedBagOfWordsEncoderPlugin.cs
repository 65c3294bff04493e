using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Encoders;

/// <summary>The <c>hashed-bow</c> plugin: <see cref="HashedBagOfWordsEncoder"/>.</summary>
public sealed class HashedBagOfWordsEncoderPlugin : IEncoderPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "hashed-bow",
        PluginKind.Encoder,
        "2.0.0",
        "Trainable bag of hashed words and character n-grams with a linear projection (no pretrained weights needed).",
        [
            ParameterSpec.Int("dim", 128, "Embedding dimension.", min: 1, max: 4096),
            ParameterSpec.Int("buckets", 1 << 18, "Number of hash buckets (embedding rows).", min: 16, max: 1 << 24),
            ParameterSpec.Int("char-ngram", 3, "Character n-gram length added per word (0 for words only).", min: 0, max: 8),
        ]);

    /// <inheritdoc />
    public EncoderTraits GetTraits(PluginParameters parameters) => new() { PreferredSimilarity = SimilarityFunction.Cosine };

    /// <inheritdoc />
    public IEncoder Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        return new HashedBagOfWordsEncoder(
            parameters.GetInt("dim"),
            parameters.GetInt("buckets"),
            parameters.GetInt("char-ngram"),
            PluginContext.DeriveSeed(context.Seed, "hashed-bow"),
            context.Device);
    }
}
