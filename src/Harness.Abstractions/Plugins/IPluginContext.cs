using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Harness.Abstractions.Plugins;

/// <summary>
/// What the host gives a plugin when it creates an instance: the cell's seed and random streams, the device tensors
/// live on, the training precision, cancellation, a logger tagged with the plugin id, a metrics sink, progress, a
/// private scratch directory, the shared cache directory, the cell id and optional host services.
/// </summary>
public interface IPluginContext
{
    /// <summary>The experiment cell's seed. The same seed must give the same results.</summary>
    int Seed { get; }

    /// <summary>
    /// A random stream seeded from <see cref="Seed"/> and <paramref name="stream"/>: an <see cref="Xoshiro256Random"/>
    /// seeded with <see cref="PluginContext.DeriveStreamSeed"/>, so its values are fixed by the contract, not by the
    /// .NET runtime. Each named stream is independent; the same (seed, stream) always restarts the same sequence.
    /// </summary>
    /// <param name="stream">A name for the consumer, for example <c>"sampler"</c>.</param>
    /// <returns>A new generator.</returns>
    Random CreateRandom(string stream);

    /// <summary>A torch generator for a named stream on <see cref="Device"/>, seeded with <see cref="PluginContext.DeriveStreamSeed"/>.</summary>
    /// <param name="stream">A name for the consumer.</param>
    /// <returns>A new generator; the same (seed, stream) always gives the same sequence.</returns>
    torch.Generator CreateGenerator(string stream);

    /// <summary>The device that tensors and modules must be created on (CPU or CUDA). The host never moves them later.</summary>
    torch.Device Device { get; }

    /// <summary>The precision the host trains in.</summary>
    TrainingPrecision Precision { get; }

    /// <summary>Cancelled when the user interrupts the run or the cell times out.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Where the plugin logs; messages appear in the run log tagged with the plugin id.</summary>
    ILogger Logger { get; }

    /// <summary>Where the plugin reports numbers (mining counts, filter rates) for the cell's training log.</summary>
    IMetricsSink Metrics { get; }

    /// <summary>Fraction done (0..1) of the current long operation (index build, corpus encoding), or null when the host does not show progress.</summary>
    IProgress<double>? Progress { get; }

    /// <summary>A directory private to this plugin instance in this run, created empty; removed after the run.</summary>
    string ScratchDirectory { get; }

    /// <summary>
    /// The shared cache directory (<c>HARNESS_CACHE</c>, default <c>~/.cache/harness</c>). Plugins key their entries
    /// by content hash and write them atomically.
    /// </summary>
    string CacheDirectory { get; }

    /// <summary>The content-addressed id of the experiment cell (for cache keys and logs); null outside a matrix run.</summary>
    string? CellId { get; }

    /// <summary>Host services a plugin may ask for by type (null when the host offers none of that type).</summary>
    IServiceProvider Services { get; }
}
