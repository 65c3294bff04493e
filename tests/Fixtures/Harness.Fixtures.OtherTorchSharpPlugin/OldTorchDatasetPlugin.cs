using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;

namespace Harness.Fixtures.OtherTorchSharpPlugin;

/// <summary>A loader fixture whose assembly references TorchSharp 0.106.</summary>
public sealed class OldTorchDatasetPlugin : IDatasetPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new("fixture-old-torch", PluginKind.Dataset, "0.1.0", $"A loader fixture compiled against TorchSharp {TorchSharp.OldTorchMarker.Describe()}.", []);

    /// <inheritdoc />
    public IDataset Create(PluginParameters parameters, IPluginContext context) => throw new NotSupportedException();
}
