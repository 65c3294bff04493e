using Harness.Abstractions.Plugins;

namespace Harness.Core.Experiments;

/// <summary>
/// The keys of a spec's <c>train:</c> block, typed and range-checked with the same <see cref="ParameterSpec"/> the
/// plugins use. A list value is an axis, as for plugin parameters.
/// </summary>
public static class TrainingSettings
{
    /// <summary>The accepted keys with their defaults.</summary>
    public static IReadOnlyList<ParameterSpec> Specs { get; } =
    [
        ParameterSpec.Int("epochs", 0, "Passes over the training queries; 0 evaluates the untrained encoder.", min: 0, max: 100_000),
        ParameterSpec.Int("batch_size", 64, "Queries per step.", min: 1, max: 1 << 20),
        ParameterSpec.Int("negatives", 4, "Sampled negatives per query.", min: 0, max: 10_000),
        ParameterSpec.Float("lr", 0.001, "Peak learning rate.", min: 0, exclusiveMin: true),
        ParameterSpec.Float("weight_decay", 0.0, "Decoupled weight decay (AdamW).", min: 0),
        ParameterSpec.Int("warmup_steps", 0, "Linear warm-up steps.", min: 0),
        ParameterSpec.Float("grad_clip", 0.0, "Clip the gradient norm to this (0: no clipping).", min: 0),
        ParameterSpec.Int("accumulation", 1, "Batches accumulated per optimiser step.", min: 1, max: 1024),
        ParameterSpec.Int("max_steps", 0, "Stop after this many steps (0: no limit).", min: 0),
    ];
}
