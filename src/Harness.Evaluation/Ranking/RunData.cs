namespace Harness.Evaluation.Ranking;

/// <summary>A run reduced to what evaluation needs: the judged queries' results in chunks, and the run id.</summary>
internal sealed record RunData(RunChunk[] Chunks, string RunId);
