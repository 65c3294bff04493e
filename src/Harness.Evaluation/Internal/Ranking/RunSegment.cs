namespace Harness.Evaluation.Internal.Ranking;

/// <summary>Consecutive results of one query inside a <see cref="RunChunk"/>.</summary>
internal readonly record struct RunSegment(int QueryIndex, int Start, int Count);
