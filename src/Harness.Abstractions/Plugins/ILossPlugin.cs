using Harness.Abstractions.Losses;

namespace Harness.Abstractions.Plugins;

/// <summary>A loss plugin (<see cref="PluginKind.Loss"/>): creates configured <see cref="ILoss"/> instances.</summary>
public interface ILossPlugin : IPlugin
{
    /// <summary>Creates a configured instance.</summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <param name="context">Seed, device, cancellation, logger and directories from the host.</param>
    /// <returns>A new instance; the caller owns it (and disposes it when it is <see cref="IDisposable"/>).</returns>
    /// <exception cref="PluginParameterException">A required parameter (for example a path) is unset or invalid.</exception>
    ILoss Create(PluginParameters parameters, IPluginContext context);

    /// <summary>
    /// What a configuration honours or needs (optional batch fields, in-batch negatives, the similarity it trains
    /// for), read by <c>harness plan</c> before anything trains. The default declares nothing: the host then sets no
    /// optional field and pads or drops ragged rows.
    /// </summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <returns>The capabilities.</returns>
    LossCapabilities GetCapabilities(PluginParameters parameters) => LossCapabilities.None;
}
