using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;

namespace Harness.Fixtures.ThrowingPlugin;

/// <summary>A plugin whose constructor throws: the host must skip it and load the others.</summary>
public sealed class ThrowingRerankerPlugin : IRerankerPlugin
{
    public ThrowingRerankerPlugin() => throw new InvalidOperationException("fixture: this constructor always fails");

    public PluginInfo Info => throw new NotSupportedException();

    public IReranker Create(PluginParameters parameters, IPluginContext context) => throw new NotSupportedException();
}
