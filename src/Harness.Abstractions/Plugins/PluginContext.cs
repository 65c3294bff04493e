using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace Harness.Abstractions.Plugins;

/// <summary>
/// A plain <see cref="IPluginContext"/>: what the host creates for each cell, and what plugin authors use in tests.
/// </summary>
public sealed class PluginContext : IPluginContext
{
    /// <summary>Creates a context on the CPU with a null logger and directories under the system temp folder.</summary>
    /// <param name="seed">The seed.</param>
    public PluginContext(int seed)
    {
        Seed = seed;
    }

    /// <inheritdoc />
    public int Seed { get; }

    /// <inheritdoc />
    public torch.Device Device { get; init; } = torch.CPU;

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; init; }

    /// <inheritdoc />
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <inheritdoc />
    public string ScratchDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "harness-scratch");

    /// <inheritdoc />
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <inheritdoc />
    public IServiceProvider Services { get; init; } = EmptyServices.Instance;

    /// <inheritdoc />
    public Random CreateRandom(string stream) => new(DeriveSeed(Seed, stream));

    /// <summary>
    /// Derives a stream seed from a base seed and a name with FNV-1a (stable across processes and runtimes, unlike
    /// <see cref="string.GetHashCode()"/>).
    /// </summary>
    /// <param name="seed">The base seed.</param>
    /// <param name="stream">The stream name.</param>
    /// <returns>A non-negative seed.</returns>
    public static int DeriveSeed(int seed, string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        unchecked
        {
            var h = 14695981039346656037UL;
            foreach (var b in BitConverter.GetBytes(seed))
            {
                h = (h ^ b) * 1099511628211UL;
            }

            foreach (var c in stream)
            {
                h = (h ^ (byte)c) * 1099511628211UL;
                h = (h ^ (byte)(c >> 8)) * 1099511628211UL;
            }

            return (int)((h ^ (h >> 32)) & 0x7FFFFFFF);
        }
    }

    /// <summary>The cache directory: <c>HARNESS_CACHE</c> when set, else <c>~/.cache/harness</c>.</summary>
    /// <returns>An absolute path (not created).</returns>
    public static string DefaultCacheDirectory()
    {
        var env = Environment.GetEnvironmentVariable("HARNESS_CACHE");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Path.GetFullPath(env);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var baseDir = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "harness");
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
