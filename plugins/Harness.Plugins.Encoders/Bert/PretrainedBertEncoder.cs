using Harness.Models.Bert;
using TorchSharp;

namespace Harness.Plugins.Encoders.Bert;

/// <summary>Builds a <see cref="BertEncoder"/> from a <see cref="ModelPackage"/>: the pretrained transformer and the
/// package's tokenizer (<see cref="PretrainedBert"/>), with this pack's pooling head.</summary>
public static class PretrainedBertEncoder
{
    /// <summary>Loads the model.</summary>
    /// <param name="package">The package.</param>
    /// <param name="options">Pooling, lengths, prefixes, freezing.</param>
    /// <param name="dropout">Training-mode dropout.</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="directory">Where the package's assembly is; null for <see cref="ModelPackage.DefaultDirectory"/>.</param>
    /// <returns>The encoder.</returns>
    /// <exception cref="FileNotFoundException">The package or a resource is missing.</exception>
    /// <exception cref="InvalidDataException">The model resource is corrupt or does not fit the BERT shape.</exception>
    public static BertEncoder Load(ModelPackage package, BertEncoderOptions options, double dropout, torch.Device device, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        var tokenizer = PretrainedBert.Tokenizer(package, directory);
        var bert = PretrainedBert.LoadModel(package, dropout, directory);
        try
        {
            return new BertEncoder(bert, tokenizer, options, device);
        }
        catch
        {
            bert.Dispose();
            throw;
        }
    }
}
