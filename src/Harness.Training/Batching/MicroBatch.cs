namespace Harness.Training.Batching;

/// <summary>
/// One micro-batch ready for the forward pass: B query texts, B·M candidate texts (row-major: row i's candidates
/// are [i·M, (i+1)·M)), their labels, and the rows' records.
/// </summary>
internal sealed record MicroBatch(
    IReadOnlyList<string> QueryTexts,
    IReadOnlyList<string> DocumentTexts,
    int CandidatesPerQuery,
    float[] Labels,
    bool[] Mask,
    bool[] InBatchExcluded,
    IReadOnlyList<NegativesRecord> Rows)
{
    public int Count => QueryTexts.Count;
}
