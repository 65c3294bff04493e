namespace Harness.Core.Hosting;

/// <summary>What training a reranker did (<see cref="RerankerTrainer"/>).</summary>
/// <param name="EpochLosses">The mean loss of each epoch's steps.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record RerankerTrainingResult(IReadOnlyList<double> EpochLosses, long Steps, double Seconds)
{
    /// <summary>Milliseconds per optimizer step.</summary>
    public double MillisecondsPerStep => Steps == 0 ? 0 : Seconds * 1000 / Steps;
}
