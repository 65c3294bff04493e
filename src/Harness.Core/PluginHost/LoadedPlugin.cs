using Harness.Abstractions.Plugins;

namespace Harness.Core.PluginHost;

/// <summary>A plugin the host loaded: its instance (used to read metadata and create configured instances) and where it came from.</summary>
/// <param name="Plugin">The plugin object.</param>
/// <param name="Info">Its metadata, read once at load time.</param>
/// <param name="SourcePath">The assembly file it was loaded from.</param>
/// <param name="ContractVersion">The Harness.Abstractions version the plugin was compiled against.</param>
public sealed record LoadedPlugin(IPlugin Plugin, PluginInfo Info, string SourcePath, Version ContractVersion)
{
    /// <summary>The plugin's id.</summary>
    public string Id => Info.Id;

    /// <summary>The plugin's kind.</summary>
    public PluginKind Kind => Info.Kind;
}
