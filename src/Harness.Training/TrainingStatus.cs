namespace Harness.Training;

/// <summary>How a training run ended (cancellation throws <see cref="OperationCanceledException"/> instead).</summary>
public enum TrainingStatus
{
    /// <summary>Every epoch ran.</summary>
    Complete,

    /// <summary>A loss was NaN or infinite; training stopped before applying that step (see
    /// <see cref="TrainingResult.DivergedAtStep"/>).</summary>
    Diverged,
}
