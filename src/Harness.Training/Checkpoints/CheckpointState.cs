namespace Harness.Training.Checkpoints;

/// <summary>Where training stood when a checkpoint was written (state.json), besides the tensors.</summary>
internal sealed record CheckpointState
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Fingerprint { get; init; }

    /// <summary>Optimiser steps completed.</summary>
    public required long Step { get; init; }

    /// <summary>The epoch of the next step to run.</summary>
    public required int Epoch { get; init; }

    /// <summary>The next step's index within its epoch.</summary>
    public required int StepInEpoch { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required List<TrainingCurveRow> Curve { get; init; }

    public required List<NegativesRecordDto> Negatives { get; init; }

    /// <summary>The model version of the dense miner's index saved with the checkpoint (<c>miner-index.bin</c>), if any.</summary>
    public long? MinerIndexVersion { get; init; }
}
