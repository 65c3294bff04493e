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
        ParameterSpec.Choice("optimizer", "adamw", "Optimiser.", "adamw", "adam"),
        ParameterSpec.Float("weight_decay", 0.01, "Decoupled weight decay (AdamW).", min: 0),
        ParameterSpec.Float("warmup", 0.1, "Fraction of the steps spent warming the learning rate up (then linear decay).", min: 0, max: 1),
        ParameterSpec.Float("grad_clip", 1.0, "Clip the gradient norm to this (0: no clipping).", min: 0),
        ParameterSpec.Int("accumulation", 1, "Batches accumulated per optimiser step.", min: 1, max: 1024),
    ];

    /// <summary>
    /// The <c>train:</c> keys that change how a cell runs and what it keeps, not what it computes: they are not part of
    /// the cell id (changing them finds the same cells again) and cannot be axes.
    /// </summary>
    public static IReadOnlyList<ParameterSpec> RunSpecs { get; } =
    [
        ParameterSpec.Int("checkpoint_every", 1000, "Write a resumable training checkpoint every this many optimiser steps (0: never); a cell killed mid-training resumes from it when the matrix runs again.", min: 0, max: int.MaxValue),
        ParameterSpec.Bool("keep_encoder", false, "Keep each trained cell's encoder (its full state in the cell folder's encoder/, hashed in the manifest; harness encode --encoder-state loads it)."),
    ];

    /// <summary>Every key <c>train:</c> accepts.</summary>
    public static IReadOnlyList<ParameterSpec> AllSpecs { get; } = [.. Specs, .. RunSpecs];

    /// <summary>Whether a <c>train:</c> key is one of <see cref="RunSpecs"/>.</summary>
    /// <param name="name">The key.</param>
    /// <returns>True for a run key.</returns>
    public static bool IsRunKey(string name) => RunSpecs.Any(s => s.Name == name);

    /// <summary>The trainer's options for a cell's training values.</summary>
    /// <param name="values">The resolved values (every key of <see cref="Specs"/>).</param>
    /// <param name="threads">CPU threads the cell may use.</param>
    /// <returns>The options.</returns>
    public static Harness.Training.TrainingOptions ToOptions(PluginParameters values, int threads)
    {
        ArgumentNullException.ThrowIfNull(values);
        var clip = values.GetDouble("grad_clip");
        return new Harness.Training.TrainingOptions
        {
            Epochs = values.GetInt("epochs"),
            BatchSize = values.GetInt("batch_size"),
            Negatives = values.GetInt("negatives"),
            LearningRate = values.GetDouble("lr"),
            Optimizer = values.GetString("optimizer") == "adam" ? Harness.Training.OptimizerKind.Adam : Harness.Training.OptimizerKind.AdamW,
            WeightDecay = values.GetDouble("weight_decay"),
            WarmupFraction = values.GetDouble("warmup"),
            MaxGradientNorm = clip > 0 ? clip : null,
            GradientAccumulationSteps = values.GetInt("accumulation"),
            Threads = Math.Max(1, threads),
        };
    }
}
