namespace Harness.Core.Running;

/// <summary>Where a running cell is: its stage and, while training, the step and loss.</summary>
/// <param name="Stage">dataset, train, resumed, index, retrieve, rerank, evaluate, write.</param>
/// <param name="Step">The training step, when training.</param>
/// <param name="TotalSteps">The planned number of steps, when known.</param>
/// <param name="Loss">The last loss, when training.</param>
public sealed record CellProgress(string Stage, long? Step = null, long? TotalSteps = null, double? Loss = null)
{
    /// <summary>The stage reported once when training resumes from a checkpoint (<see cref="Step"/>: the steps it held).</summary>
    public const string ResumedStage = "resumed";
}
