namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// A run reduced to what evaluation needs: the judged queries' results in chunks, the run id, and how many lines
/// <c>--lenient</c> coerced (a score that atof read only a prefix of).
/// </summary>
internal sealed record RunData(RunChunk[] Chunks, string RunId, long CoercedLines = 0);
