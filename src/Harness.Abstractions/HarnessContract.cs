namespace Harness.Abstractions;

/// <summary>
/// The version of the plugin contract defined by this assembly. The host loads a plugin only when the
/// <c>Harness.Abstractions</c> version the plugin was compiled against has the same <see cref="Major"/> and a
/// <see cref="Minor"/> no greater than the host's. The assembly version of Harness.Abstractions is always
/// <c>Major.Minor.0.0</c>, so the check reads the plugin's reference list and needs no code from the plugin.
/// </summary>
public static class HarnessContract
{
    /// <summary>Incremented on a breaking change to any contract type.</summary>
    public const int Major = 1;

    /// <summary>Incremented on an additive change (a new optional member, a new type).</summary>
    public const int Minor = 0;

    /// <summary>The contract version as text, <c>Major.Minor</c>.</summary>
    public const string Version = "1.0";

    /// <summary>The name of the contracts assembly, as it appears in a plugin's reference list.</summary>
    public const string AssemblyName = "Harness.Abstractions";

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
}
