namespace Harness.Training;

/// <summary>What a training run produced besides the trained encoder (which is trained in place).</summary>
public sealed record TrainingResult
{
    /// <summary>Complete or diverged.</summary>
    public required TrainingStatus Status { get; init; }

    /// <summary>Optimiser steps applied.</summary>
    public required long Steps { get; init; }

    /// <summary>Epochs fully completed.</summary>
    public required int EpochsCompleted { get; init; }

    /// <summary>The step whose loss was NaN or infinite (not applied); null unless diverged.</summary>
    public long? DivergedAtStep { get; init; }

    /// <summary>One line on why training stopped early; null when complete.</summary>
    public string? Message { get; init; }

    /// <summary>The step resumed from, when training continued from a checkpoint; null otherwise.</summary>
    public long? ResumedFromStep { get; init; }

    /// <summary>The training curve, one row per optimiser step (including steps before a resume).</summary>
    public required IReadOnlyList<TrainingCurveRow> Curve { get; init; }

    /// <summary>Per epoch and row, the negatives handed to the loss (for the host's false-negative accounting).</summary>
    public required IReadOnlyList<NegativesRecord> Negatives { get; init; }
}
