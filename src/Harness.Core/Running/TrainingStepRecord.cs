namespace Harness.Core.Running;

/// <summary>One point of a training curve.</summary>
/// <param name="Step">The optimiser step.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Loss">The loss.</param>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="ExamplesPerSecond">Throughput.</param>
/// <param name="ElapsedSeconds">Seconds since training began.</param>
public sealed record TrainingStepRecord(long Step, int Epoch, double Loss, double LearningRate, double ExamplesPerSecond, double ElapsedSeconds);
