namespace Harness.Abstractions;

/// <summary>
/// The version of the plugin contract defined by this assembly. The host loads a plugin only when the
/// <c>Harness.Abstractions</c> version the plugin was compiled against has the same <see cref="Major"/> and a
/// <see cref="Minor"/> no greater than the host's, and when the TorchSharp version it was compiled against (if it
/// references TorchSharp at all) has the major.minor <see cref="TorchSharpVersion"/>. The assembly version of
/// Harness.Abstractions is always <c>Major.Minor.0.0</c>, so both checks read the plugin's reference list and need no
/// code from the plugin.
/// </summary>
public static class HarnessContract
{
    /// <summary>Incremented on a breaking change to any contract type. 2: the training-ready contract.</summary>
    public const int Major = 2;

    /// <summary>Incremented on an additive change (a new optional member, a new type). 2.1: LossCapabilities.RankWeighted, LossMath.PositiveColumns, RerankerTraining (with its warm-up and clipping) and RerankerRequirements.Training.</summary>
    public const int Minor = 1;

    /// <summary>The contract version as text, <c>Major.Minor</c>.</summary>
    public const string Version = "2.1";

    /// <summary>The name of the contracts assembly, as it appears in a plugin's reference list.</summary>
    public const string AssemblyName = "Harness.Abstractions";

    /// <summary>
    /// TorchSharp major.minor whose types (<c>Tensor</c>, <c>nn.Module</c>, <c>Device</c>) appear in the contract.
    /// TorchSharp 0.x minors change API, so the host refuses a plugin compiled against another minor.
    /// </summary>
    public const string TorchSharpVersion = "0.107";

    /// <summary>The name of the TorchSharp assembly, as it appears in a plugin's reference list.</summary>
    public const string TorchSharpAssemblyName = "TorchSharp";

    /// <summary>
    /// Whether a plugin compiled against <paramref name="pluginContract"/> can be loaded by a host built with this
    /// contract version.
    /// </summary>
    /// <param name="pluginContract">The Harness.Abstractions assembly version the plugin references.</param>
    /// <returns>True when the major versions match and the plugin's minor version is not newer.</returns>
    public static bool IsCompatible(Version pluginContract)
    {
        ArgumentNullException.ThrowIfNull(pluginContract);
        return pluginContract.Major == Major && pluginContract.Minor <= Minor;
    }

    /// <summary>Whether a plugin compiled against TorchSharp <paramref name="pluginTorchSharp"/> can share the host's tensors.</summary>
    /// <param name="pluginTorchSharp">The TorchSharp assembly version the plugin references.</param>
    /// <returns>True when major.minor equals <see cref="TorchSharpVersion"/>.</returns>
    public static bool IsTorchSharpCompatible(Version pluginTorchSharp)
    {
        ArgumentNullException.ThrowIfNull(pluginTorchSharp);
        return $"{pluginTorchSharp.Major}.{pluginTorchSharp.Minor}" == TorchSharpVersion;
    }
}
