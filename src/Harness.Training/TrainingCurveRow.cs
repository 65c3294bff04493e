namespace Harness.Training;

/// <summary>One optimiser step of the training curve (a row of training.parquet).</summary>
/// <param name="Step">1-based optimiser step.</param>
/// <param name="Epoch">0-based epoch the step belongs to.</param>
/// <param name="Loss">The step's loss: the mean over its micro-batches, weighted by their rows (before clipping).</param>
/// <param name="LearningRate">The learning rate the step was applied with.</param>
/// <param name="ExamplesPerSecond">Training queries in the step divided by the step's wall time (including any wait
/// for its batch).</param>
/// <param name="ElapsedSeconds">Wall time since training started (across resumes: the interrupted run's time is
/// carried over from the checkpoint).</param>
/// <param name="PeakMemoryBytes">Peak resident memory of the process so far (host memory; TorchSharp 0.107 exposes
/// no CUDA allocator statistics, so GPU memory is not reported).</param>
public sealed record TrainingCurveRow(
    long Step,
    int Epoch,
    double Loss,
    double LearningRate,
    double ExamplesPerSecond,
    double ElapsedSeconds,
    long PeakMemoryBytes);
