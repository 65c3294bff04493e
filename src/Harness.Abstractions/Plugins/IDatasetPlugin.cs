using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.Plugins;

/// <summary>A dataset plugin (<see cref="PluginKind.Dataset"/>): creates configured <see cref="IDataset"/> instances.</summary>
public interface IDatasetPlugin : IPlugin
{
    /// <summary>Opens a configured instance.</summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <param name="context">Seed, device, cancellation, logger and directories from the host.</param>
    /// <returns>A new instance; the caller owns it (and disposes it when it is <see cref="IDisposable"/>).</returns>
    /// <exception cref="PluginParameterException">A required parameter (for example a path) is unset or invalid.</exception>
    IDataset Create(PluginParameters parameters, IPluginContext context);
}
