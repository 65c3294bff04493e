using Harness.Abstractions.Plugins;
using Harness.Abstractions.NegativeSamplers;
using Harness.Fixtures.Dependency;

namespace Harness.Fixtures.MissingDependencyPlugin;

/// <summary>Derives from a type in Harness.Fixtures.Dependency.dll, which the test build removes from the plugin folder.</summary>
public sealed class NeedsHelperSamplerPlugin : HelperBase, INegativeSamplerPlugin
{
    public PluginInfo Info { get; } = new("fixture-needs-helper", PluginKind.NegativeSampler, "0.1.0", "A loader fixture with a missing dependency.", []);

    public INegativeSampler Create(PluginParameters parameters, IPluginContext context) => throw new NotSupportedException();
}
