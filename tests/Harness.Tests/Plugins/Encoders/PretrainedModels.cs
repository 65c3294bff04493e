using Harness.Models.Bert;
using Harness.Plugins.Encoders.Bert;
using Harness.Tests.Support;
using static TorchSharp.torch;

namespace Harness.Tests.Plugins.Encoders;

/// <summary>The pretrained packages as the test build publishes them (plugins/Harness.Plugins.Encoders/), loaded once.</summary>
internal static class PretrainedModels
{
    private static readonly Lazy<BertEncoder> MiniLmEncoder = new(() => Load(ModelPackage.MiniLm, Pooling.Mean, string.Empty));
    private static readonly Lazy<BertEncoder> ArcticEncoder = new(() => Load(ModelPackage.ArcticXs, Pooling.Cls, ArcticXsEncoderPlugin.QueryPrefix));

    public static string Directory => Path.Combine(TestPaths.BuiltInPlugins, "Harness.Plugins.Encoders");

    /// <summary>Zero-shot MiniLM in eval mode (shared: tests must not train it).</summary>
    public static BertEncoder MiniLm => MiniLmEncoder.Value;

    /// <summary>Zero-shot arctic-embed-xs in eval mode (shared: tests must not train it).</summary>
    public static BertEncoder Arctic => ArcticEncoder.Value;

    public static BertEncoder Load(ModelPackage package, Pooling pooling, string queryPrefix, int trainableLayers = -1, int batchSize = 64, int maxLength = 256)
    {
        var options = new BertEncoderOptions
        {
            Pooling = pooling,
            QueryPrefix = queryPrefix,
            TrainableLayers = trainableLayers,
            BatchSize = batchSize,
            MaxLength = maxLength,
        };
        var encoder = PretrainedBertEncoder.Load(package, options, 0.1, CPU, Directory);
        encoder.eval();
        return encoder;
    }
}
