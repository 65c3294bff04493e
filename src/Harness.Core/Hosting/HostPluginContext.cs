using Harness.Abstractions.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace Harness.Core.Hosting;

/// <summary>
/// The context the host gives each plugin instance: a private scratch directory created for this run and removed on
/// <see cref="Dispose"/>, a logger tagged with the plugin id, the cell's seed, device, precision, metrics, progress,
/// cell id and services. Random streams and generators follow the contract (<see cref="PluginContext.DeriveStreamSeed"/>
/// and <see cref="Xoshiro256Random"/>), so a plugin behaves the same under the host and under its own tests.
/// </summary>
public sealed class HostPluginContext : IPluginContext, IDisposable
{
    private bool _disposed;

    /// <summary>Creates the context and its private scratch directory.</summary>
    /// <param name="pluginId">The plugin id (tags the logger and names the scratch directory).</param>
    /// <param name="seed">The cell's seed.</param>
    /// <param name="scratchRoot">The run's scratch root; the context creates a fresh subdirectory under it.</param>
    /// <param name="cacheDirectory">The shared cache directory.</param>
    public HostPluginContext(string pluginId, int seed, string scratchRoot, string cacheDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        ArgumentException.ThrowIfNullOrWhiteSpace(scratchRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        PluginId = pluginId;
        Seed = seed;
        CacheDirectory = Path.GetFullPath(cacheDirectory);
        ScratchDirectory = CreatePrivateDirectory(Path.GetFullPath(scratchRoot), pluginId);
        Logger = new PluginIdLogger(pluginId, NullLogger.Instance);
    }

    /// <summary>The plugin id.</summary>
    public string PluginId { get; }

    /// <inheritdoc />
    public int Seed { get; }

    /// <inheritdoc />
    public torch.Device Device { get; init; } = torch.CPU;

    /// <inheritdoc />
    public TrainingPrecision Precision { get; init; } = TrainingPrecision.Float32;

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The logger; set <see cref="HostLogger"/> to forward to the host's logger.</summary>
    public ILogger Logger { get; private set; }

    /// <summary>The host's logger, which receives this plugin's messages tagged with its id.</summary>
    public ILogger HostLogger
    {
        init => Logger = new PluginIdLogger(PluginId, value ?? NullLogger.Instance);
    }

    /// <inheritdoc />
    public IMetricsSink Metrics { get; init; } = NullMetricsSink.Instance;

    /// <inheritdoc />
    public IProgress<double>? Progress { get; init; }

    /// <inheritdoc />
    public string ScratchDirectory { get; }

    /// <inheritdoc />
    public string CacheDirectory { get; }

    /// <inheritdoc />
    public string? CellId { get; init; }

    /// <inheritdoc />
    public IServiceProvider Services { get; init; } = HostServices.Empty;

    /// <inheritdoc />
    public Random CreateRandom(string stream) => new Xoshiro256Random(PluginContext.DeriveStreamSeed(Seed, stream));

    /// <inheritdoc />
    public torch.Generator CreateGenerator(string stream) => new(PluginContext.DeriveStreamSeed(Seed, stream), Device);

    private static string CreatePrivateDirectory(string root, string pluginId)
    {
        Directory.CreateDirectory(root);
        while (true)
        {
            var path = Path.Combine(root, $"{pluginId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}");
            if (!Directory.Exists(path))
            {
                Directory.CreateDirectory(path);
                return path;
            }
        }
    }

    /// <summary>Removes the scratch directory and everything in it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (Directory.Exists(ScratchDirectory))
            {
                Directory.Delete(ScratchDirectory, recursive: true);
            }
        }
        catch (IOException e)
        {
            Logger.LogWarning("could not remove scratch directory {Directory}: {Message}", ScratchDirectory, e.Message);
        }
    }
}
