using Harness.Abstractions.Rerankers;

namespace Harness.Abstractions.Plugins;

/// <summary>A reranker plugin (<see cref="PluginKind.Reranker"/>): creates configured <see cref="IReranker"/> instances.</summary>
public interface IRerankerPlugin : IPlugin
{
    /// <summary>Creates a configured instance.</summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <param name="context">Seed, device, cancellation, logger and directories from the host.</param>
    /// <returns>A new instance; the caller owns it (and disposes it when it is <see cref="IDisposable"/>).</returns>
    /// <exception cref="PluginParameterException">A required parameter (for example a path) is unset or invalid.</exception>
    IReranker Create(PluginParameters parameters, IPluginContext context);

    /// <summary>The first-stage lists a configuration fuses and whether it is trainable, read before creating it.</summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <returns>The requirements. Default: <see cref="RerankerRequirements.None"/>.</returns>
    RerankerRequirements GetRequirements(PluginParameters parameters) => RerankerRequirements.None;
}
