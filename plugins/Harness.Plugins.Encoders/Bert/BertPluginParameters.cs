using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>The parameters the BERT-based encoder plugins share, declared once.</summary>
internal static class BertPluginParameters
{
    /// <summary>Both pretrained models were trained with cosine similarity on normalised embeddings, one shared tower,
    /// float32 (no reduced-precision path yet).</summary>
    public static EncoderTraits PretrainedTraits { get; } = new() { PreferredSimilarity = SimilarityFunction.Cosine };

    public static ParameterSpec MaxLength(int defaultValue) =>
        ParameterSpec.Int("max-length", defaultValue, "Most word pieces per text, [CLS] and [SEP] included (longer texts are truncated).", min: 2, max: 512);

    public static ParameterSpec TrainableLayers(int layers) =>
        ParameterSpec.Int("trainable-layers", -1, $"-1: fine-tune everything; N in 0..{layers}: only the top N layers train, the embeddings and lower layers are frozen.", min: -1, max: layers);

    public static ParameterSpec Dropout { get; } =
        ParameterSpec.Float("dropout", 0.1, "Dropout in training mode (embeddings, attention, sub-layer outputs).", min: 0.0, max: 0.9);

    public static ParameterSpec BatchSize { get; } =
        ParameterSpec.Int("batch-size", 64, "Texts per forward pass when encoding many texts (sorted by length first).", min: 1, max: 65536);

    public static BertEncoderOptions Options(PluginParameters parameters, Pooling pooling, string queryPrefix = "") => new()
    {
        Pooling = pooling,
        Normalize = true,
        MaxLength = parameters.GetInt("max-length"),
        TrainableLayers = parameters.TryGetValue("trainable-layers", out var layers) ? (int)layers : -1,
        BatchSize = parameters.GetInt("batch-size"),
        QueryPrefix = queryPrefix,
    };
}
