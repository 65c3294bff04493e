namespace Harness.Training.Batching;

/// <summary>The micro-batches of one optimiser step, and where the step sits in training.</summary>
internal sealed record StepBatch(int Epoch, int StepInEpoch, long Step, IReadOnlyList<MicroBatch> MicroBatches, IReadOnlyList<NegativesRecord> Dropped) : IDisposable
{
    public int Rows => MicroBatches.Sum(b => b.Count);

    public void Dispose()
    {
        foreach (var b in MicroBatches)
        {
            b.Dispose();
        }
    }
}
