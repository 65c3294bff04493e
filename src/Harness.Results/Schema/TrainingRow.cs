namespace Harness.Results.Schema;

/// <summary>One row of <c>training.parquet</c>: the training log at one optimiser step.</summary>
/// <param name="CellId">The cell's id.</param>
/// <param name="Step">Optimiser step (from 1).</param>
/// <param name="Epoch">Epoch (from 1).</param>
/// <param name="Loss">The training loss at this step.</param>
/// <param name="LearningRate">The learning rate used at this step.</param>
/// <param name="ExamplesPerSecond">Throughput measured over this step (or the logging interval).</param>
/// <param name="ElapsedSeconds">Seconds since training started.</param>
public sealed record TrainingRow(
    string CellId,
    long Step,
    int Epoch,
    double Loss,
    double LearningRate,
    double ExamplesPerSecond,
    double ElapsedSeconds);
