using Harness.Models.Onnx;
using Harness.Models.Tokenization;

namespace Harness.Models.Bert;

/// <summary>Builds a <see cref="BertModel"/> from a <see cref="ModelPackage"/> (the transformer's weights from the ONNX
/// initializers) and its tokenizer (from the package's vocab.txt). Heads (a bi-encoder's pooling, a cross-encoder's
/// classifier) are the packs' business.</summary>
public static class PretrainedBert
{
    /// <summary>Loads the transformer with the package's weights (on the CPU; the caller moves it).</summary>
    /// <param name="package">The package.</param>
    /// <param name="dropout">Training-mode dropout.</param>
    /// <param name="directory">Where the package's assembly is; null for <see cref="ModelPackage.DefaultDirectory"/>.</param>
    /// <returns>The transformer; the caller owns it.</returns>
    /// <exception cref="FileNotFoundException">The package or a resource is missing.</exception>
    /// <exception cref="InvalidDataException">The model resource is corrupt or does not fit the BERT shape.</exception>
    public static BertModel LoadModel(ModelPackage package, double dropout, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        var graph = OnnxGraph.Parse(package.ReadResource(package.ModelResource, directory), package.ModelResource);
        var bert = new BertModel(BertConfig.MiniLmL6H384(dropout));
        try
        {
            OnnxBertWeights.Load(bert, graph, package.ModelResource);
            return bert;
        }
        catch
        {
            bert.Dispose();
            throw;
        }
    }

    /// <summary>The vocabulary of a package (also for models trained from scratch over it).</summary>
    /// <param name="package">The package.</param>
    /// <param name="directory">Where the package's assembly is; null for <see cref="ModelPackage.DefaultDirectory"/>.</param>
    /// <returns>The tokenizer.</returns>
    public static WordPieceTokenizer Tokenizer(ModelPackage package, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        return WordPieceTokenizer.FromVocabulary(package.ReadResource(package.VocabularyResource, directory));
    }
}
