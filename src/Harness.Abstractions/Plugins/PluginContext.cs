using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

namespace Harness.Abstractions.Plugins;

/// <summary>
/// A plain <see cref="IPluginContext"/> for plugin authors' tests and the conformance suite: CPU, float32, a null
/// logger and metrics sink, a private scratch directory under the system temp folder (created on first use), the
/// default cache directory. The host uses its own context (private scratch per run, tagged logger, services).
/// </summary>
public sealed class PluginContext : IPluginContext
{
    private string? _scratchDirectory;

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
    public TrainingPrecision Precision { get; init; } = TrainingPrecision.Float32;

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; init; }

    /// <inheritdoc />
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <inheritdoc />
    public IMetricsSink Metrics { get; init; } = NullMetricsSink.Instance;

    /// <inheritdoc />
    public IProgress<double>? Progress { get; init; }

    /// <inheritdoc />
    public string ScratchDirectory
    {
        get => _scratchDirectory ??= Directory.CreateTempSubdirectory("harness-scratch-").FullName;
        init => _scratchDirectory = value;
    }

    /// <inheritdoc />
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <inheritdoc />
    public string? CellId { get; init; }

    /// <inheritdoc />
    public IServiceProvider Services { get; init; } = EmptyServices.Instance;

    /// <inheritdoc />
    public Random CreateRandom(string stream) => new Xoshiro256Random(DeriveStreamSeed(Seed, stream));

    /// <inheritdoc />
    public torch.Generator CreateGenerator(string stream) => new(DeriveStreamSeed(Seed, stream), Device);

    /// <summary>
    /// Derives a 64-bit stream seed from a base seed and a name: FNV-1a 64 over the seed's four little-endian bytes,
    /// then each UTF-16 code unit of the name as its low byte and its high byte (stable across processes and
    /// runtimes, unlike <see cref="string.GetHashCode()"/>).
    /// </summary>
    /// <param name="seed">The base seed.</param>
    /// <param name="stream">The stream name.</param>
    /// <returns>The 64-bit hash.</returns>
    public static ulong DeriveStreamSeed(int seed, string stream)
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

            return h;
        }
    }

    /// <summary>
    /// A non-negative 31-bit seed derived from a base seed and a name: <see cref="DeriveStreamSeed"/> folded
    /// (<c>(h ^ (h &gt;&gt; 32)) &amp; 0x7FFFFFFF</c>), for APIs that take an int seed.
    /// </summary>
    /// <param name="seed">The base seed.</param>
    /// <param name="stream">The stream name.</param>
    /// <returns>A non-negative seed.</returns>
    public static int DeriveSeed(int seed, string stream)
    {
        var h = DeriveStreamSeed(seed, stream);
        return (int)((h ^ (h >> 32)) & 0x7FFFFFFF);
    }

    /// <summary>
    /// The cache directory: <c>HARNESS_CACHE</c> when set, else <c>$XDG_CACHE_HOME/harness</c>, else
    /// <c>~/.cache/harness</c> (the host's rule too).
    /// </summary>
    /// <returns>An absolute path (not created).</returns>
    public static string DefaultCacheDirectory() => CacheDirectoryRule.Resolve(Environment.GetEnvironmentVariable);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
