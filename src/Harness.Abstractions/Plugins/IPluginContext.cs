using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Harness.Abstractions.Plugins;

/// <summary>
/// What the host gives a plugin when it creates an instance: the experiment's seed, the device tensors live on,
/// cancellation, a logger, directories to write to, and optional host services (for example a BM25 index factory).
/// </summary>
public interface IPluginContext
{
    /// <summary>The experiment cell's seed. The same seed must give the same results.</summary>
    int Seed { get; }

    /// <summary>
    /// A random generator seeded from <see cref="Seed"/> and <paramref name="stream"/>: each named stream is
    /// independent and reproducible, so adding randomness in one place does not shift another.
    /// </summary>
    /// <param name="stream">A name for the consumer, for example <c>"sampler"</c>.</param>
    /// <returns>A new generator; the same (seed, stream) always gives the same sequence.</returns>
    Random CreateRandom(string stream);

    /// <summary>The device that tensors and modules must be created on (CPU or CUDA).</summary>
    torch.Device Device { get; }

    /// <summary>Cancelled when the user interrupts the run or the cell times out.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Where the plugin logs; messages appear in the run log tagged with the plugin id.</summary>
    ILogger Logger { get; }

    /// <summary>A private directory the plugin may write temporary files to; removed after the cell.</summary>
    string ScratchDirectory { get; }

    /// <summary>
    /// The shared cache directory (<c>HARNESS_CACHE</c>, default <c>~/.cache/harness</c>). Plugins key their entries
    /// by content hash and write them atomically.
    /// </summary>
    string CacheDirectory { get; }

    /// <summary>Host services a plugin may ask for (null when the host offers none of that type).</summary>
    IServiceProvider Services { get; }
}
