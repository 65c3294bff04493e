using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;

namespace Harness.Fixtures.Contract1Plugin;

/// <summary>A loader fixture built against contract 1.0.</summary>
public sealed class OldLossPlugin : ILossPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new("fixture-contract-one", PluginKind.Loss, "1.0.0", "A loader fixture built for contract 1.0.", []);

    /// <inheritdoc />
    public ILoss Create(PluginParameters parameters, IPluginContext context) => throw new NotSupportedException();
}
