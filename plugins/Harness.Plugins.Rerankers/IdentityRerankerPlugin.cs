using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;

namespace Harness.Plugins.Rerankers;

/// <summary>The <c>none</c> plugin: <see cref="IdentityReranker"/> (the first-stage ranking, unchanged).</summary>
public sealed class IdentityRerankerPlugin : IRerankerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "none",
        PluginKind.Reranker,
        "1.0.0",
        "No reranking: the first-stage ranking is kept as it is (the baseline every reranker is compared with).",
        []);

    /// <inheritdoc />
    public IReranker Create(PluginParameters parameters, IPluginContext context) => new IdentityReranker();
}
