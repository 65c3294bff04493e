namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// Scores one query's results as soon as the run reader has them all in a chunk, on the parsing thread, while they are
/// still in the cache; the reader then drops them, so a sorted run never holds more than a few queries' results.
/// </summary>
internal interface IRunScorer
{
    /// <summary>Scratch space for one parsing thread.</summary>
    EvaluationWorker CreateWorker();

    /// <summary>Scores entries [<paramref name="start"/>, start + <paramref name="count"/>) of <paramref name="chunk"/>, all of <paramref name="judged"/>.</summary>
    ScoredRun Score(EvaluationWorker worker, JudgedQuery judged, RunChunk chunk, int start, int count, long byteStart, long byteEnd);
}
