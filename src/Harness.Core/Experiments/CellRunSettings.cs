using Harness.Abstractions.Plugins;

namespace Harness.Core.Experiments;

/// <summary>
/// How a cell runs and what it keeps, from the spec's <c>train:</c> run keys (<see cref="TrainingSettings.RunSpecs"/>).
/// They do not change what the cell computes, so they are not part of its id.
/// </summary>
/// <param name="CheckpointEverySteps">Optimiser steps between training checkpoints; 0: no checkpoints.</param>
/// <param name="KeepEncoder">Whether the trained encoder is written into the cell folder.</param>
public sealed record CellRunSettings(int CheckpointEverySteps, bool KeepEncoder)
{
    /// <summary>The defaults of <see cref="TrainingSettings.RunSpecs"/>.</summary>
    public static CellRunSettings Default { get; } = From(PluginParameters.Resolve(TrainingSettings.RunSpecs, new Dictionary<string, object?>()));

    /// <summary>Reads resolved run keys.</summary>
    /// <param name="values">Every key of <see cref="TrainingSettings.RunSpecs"/>, resolved.</param>
    /// <returns>The settings.</returns>
    public static CellRunSettings From(PluginParameters values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new CellRunSettings(values.GetInt("checkpoint_every"), values.GetBool("keep_encoder"));
    }
}
