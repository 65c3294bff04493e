using System.Collections.Concurrent;
using System.Security.Cryptography;
using Harness.Core.PluginHost;

namespace Harness.Core.Provenance;

/// <summary>Builds a <see cref="RunProvenance"/> from what a host loaded and ran.</summary>
public static class ProvenanceCollector
{
    private static readonly ConcurrentDictionary<string, string> AssemblyHashes = new(StringComparer.Ordinal);

    /// <summary>Collects the provenance of a run.</summary>
    /// <param name="device">The device tensors ran on (<c>cpu</c>, <c>cuda</c>).</param>
    /// <param name="plugins">The plugins used (duplicates are listed once).</param>
    /// <param name="datasets">The datasets used.</param>
    /// <param name="commandLine">The command line, program name first (for example <c>harness retrieve ...</c>).</param>
    /// <returns>The provenance.</returns>
    public static RunProvenance Collect(string device, IEnumerable<LoadedPlugin> plugins, IEnumerable<DatasetProvenance> datasets, IEnumerable<string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(commandLine);
        return new RunProvenance(
            HostEnvironment.Collect(device),
            HostEnvironment.Harness,
            plugins.DistinctBy(p => (p.Kind, p.Id)).Select(Describe).ToList(),
            datasets.ToList(),
            commandLine.ToList());
    }

    /// <summary>Describes one loaded plugin, hashing its assembly file (once per process).</summary>
    /// <param name="plugin">The plugin.</param>
    /// <returns>Its provenance.</returns>
    public static PluginProvenance Describe(LoadedPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return new PluginProvenance(
            PluginKinds.ToName(plugin.Kind),
            plugin.Id,
            plugin.Info.Version,
            $"{plugin.ContractVersion.Major}.{plugin.ContractVersion.Minor}",
            Path.GetFileName(plugin.SourcePath),
            AssemblyHashes.GetOrAdd(Path.GetFullPath(plugin.SourcePath), HashFile));
    }

    /// <summary>The command line of this process: <c>harness</c> and the arguments as given.</summary>
    /// <param name="program">The program name to put first.</param>
    /// <returns>The arguments.</returns>
    public static IReadOnlyList<string> CommandLine(string program = "harness") => [program, .. Environment.GetCommandLineArgs().Skip(1)];

    private static string HashFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
