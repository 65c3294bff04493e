using Harness.Abstractions.Encoders;

namespace Harness.Abstractions.Plugins;

/// <summary>An encoder plugin (<see cref="PluginKind.Encoder"/>): creates configured <see cref="IEncoder"/> instances.</summary>
public interface IEncoderPlugin : IPlugin
{
    /// <summary>Creates a configured instance.</summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <param name="context">Seed, device, cancellation, logger and directories from the host.</param>
    /// <returns>A new instance; the caller owns it (and disposes it when it is <see cref="IDisposable"/>).</returns>
    /// <exception cref="PluginParameterException">A required parameter (for example a path) is unset or invalid.</exception>
    IEncoder Create(PluginParameters parameters, IPluginContext context);

    /// <summary>The traits of a configuration (preferred similarity, tower split, precisions), read before creating it.</summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <returns>The traits. Default: <see cref="EncoderTraits.Default"/>.</returns>
    EncoderTraits GetTraits(PluginParameters parameters) => EncoderTraits.Default;
}
