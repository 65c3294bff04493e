using Harness.Abstractions.NegativeSamplers;

namespace Harness.Abstractions.Plugins;

/// <summary>A negative sampler plugin (<see cref="PluginKind.NegativeSampler"/>): creates configured <see cref="INegativeSampler"/> instances.</summary>
public interface INegativeSamplerPlugin : IPlugin
{
    /// <summary>Creates a configured instance.</summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <param name="context">Seed, device, cancellation, logger and directories from the host.</param>
    /// <returns>A new instance; the caller owns it (and disposes it when it is <see cref="IDisposable"/>).</returns>
    /// <exception cref="PluginParameterException">A required parameter (for example a path) is unset or invalid.</exception>
    INegativeSampler Create(PluginParameters parameters, IPluginContext context);

    /// <summary>
    /// The services, refresh policy and warm-up a configuration needs, read by <c>harness plan</c> before anything
    /// trains. The host gives the sampler exactly the declared services and refuses the cell when it cannot.
    /// </summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <returns>The requirements. Default: <see cref="SamplerRequirements.None"/>.</returns>
    SamplerRequirements GetRequirements(PluginParameters parameters) => SamplerRequirements.None;
}
