namespace Harness.Abstractions.Plugins;

/// <summary>
/// The common surface of every plugin. A plugin type is a public, non-abstract class with a public parameterless
/// constructor that implements exactly one of <see cref="IDatasetPlugin"/>, <see cref="IEncoderPlugin"/>,
/// <see cref="ILossPlugin"/>, <see cref="INegativeSamplerPlugin"/> or <see cref="IRerankerPlugin"/>. The host
/// creates it once to read <see cref="Info"/>; the plugin then creates configured instances on demand.
/// </summary>
public interface IPlugin
{
    /// <summary>Identity, kind, version, parameters and citation of the plugin.</summary>
    PluginInfo Info { get; }

    /// <summary>
    /// Describes a configuration of this plugin for result metadata and display names, for example
    /// <c>infonce(temperature=0.05,similarity=cosine)</c>. The default lists every resolved parameter.
    /// </summary>
    /// <param name="parameters">Parameters resolved against <see cref="PluginInfo.Parameters"/>.</param>
    /// <returns>A stable, human-readable description.</returns>
    string DescribeConfig(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Count == 0 ? Info.Id : $"{Info.Id}({parameters})";
    }
}
