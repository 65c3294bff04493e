using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;

namespace Harness.Fixtures.DuplicatePlugin;

/// <summary>Claims the id of Harness.Fixtures.GoodPlugin: the host keeps the first and skips this one.</summary>
public sealed class DuplicateLossPlugin : ILossPlugin
{
    public PluginInfo Info { get; } = new("fixture-good", PluginKind.Loss, "9.9.9", "A loader fixture that reuses another plugin's id.", []);

    public ILoss Create(PluginParameters parameters, IPluginContext context) => throw new NotSupportedException();
}
