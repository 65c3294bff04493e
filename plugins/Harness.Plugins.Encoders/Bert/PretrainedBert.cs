using Harness.Plugins.Encoders.Onnx;
using Harness.Plugins.Encoders.Tokenization;
using TorchSharp;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>Builds a <see cref="BertEncoder"/> from a <see cref="ModelPackage"/>: the transformer's weights from the
/// ONNX initializers, the tokenizer from the package's vocab.txt.</summary>
public static class PretrainedBert
{
    /// <summary>Loads the model.</summary>
    /// <param name="package">The package.</param>
    /// <param name="options">Pooling, lengths, prefixes, freezing.</param>
    /// <param name="dropout">Training-mode dropout.</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="directory">Where the package's assembly is; null for this pack's folder.</param>
    /// <returns>The encoder.</returns>
    /// <exception cref="FileNotFoundException">The package or a resource is missing.</exception>
    /// <exception cref="InvalidDataException">The model resource is corrupt or does not fit the BERT shape.</exception>
    public static BertEncoder Load(ModelPackage package, BertEncoderOptions options, double dropout, torch.Device device, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        var tokenizer = WordPieceTokenizer.FromVocabulary(package.ReadResource(package.VocabularyResource, directory));
        var graph = OnnxGraph.Parse(package.ReadResource(package.ModelResource, directory), package.ModelResource);
        var bert = new BertModel(BertConfig.MiniLmL6H384(dropout));
        try
        {
            OnnxBertWeights.Load(bert, graph, package.ModelResource);
            return new BertEncoder(bert, tokenizer, options, device);
        }
        catch
        {
            bert.Dispose();
            throw;
        }
    }

    /// <summary>The vocabulary of a package, for encoders trained from scratch over it.</summary>
    /// <param name="package">The package.</param>
    /// <param name="directory">Where the package's assembly is; null for this pack's folder.</param>
    /// <returns>The tokenizer.</returns>
    public static WordPieceTokenizer Tokenizer(ModelPackage package, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        return WordPieceTokenizer.FromVocabulary(package.ReadResource(package.VocabularyResource, directory));
    }
}
