namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// A query scored while its run was parsed (<see cref="IRunScorer"/>): its values (or the error scoring raised, held
/// until the whole run is known to be well formed) and the byte range of the file its lines came from, to read them
/// again if the query turns out to have lines elsewhere in the run too.
/// </summary>
internal sealed record ScoredRun(int QueryIndex, double[]? Row, string?[]? Texts, EvaluationException? Error, long ByteStart, long ByteEnd);
