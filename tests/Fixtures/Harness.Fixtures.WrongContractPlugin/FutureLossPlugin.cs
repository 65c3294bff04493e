using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;

namespace Harness.Fixtures.WrongContractPlugin;

/// <summary>Compiled against contract 2.0: the host (contract 1.x) must refuse it without loading it.</summary>
public sealed class FutureLossPlugin : ILossPlugin
{
    public PluginInfo Info { get; } = new("fixture-future", PluginKind.Loss, "3.0.0", "A loader fixture built for contract 3.0.", []);

    public ILoss Create(PluginParameters parameters, IPluginContext context) => throw new NotSupportedException();
}
