namespace Harness.Audits.Reexecution;

/// <summary>The two runs' rankings (run.trec) compared query by query.</summary>
/// <param name="Queries">Queries in both runs.</param>
/// <param name="MissingQueries">Queries in only one run.</param>
/// <param name="IdenticalQueries">Queries whose ranked document lists are identical.</param>
/// <param name="MeanKendallTau">Mean over queries of Kendall's tau-b between the positions of the documents both runs retrieved (queries with fewer than two shared documents left out).</param>
/// <param name="MinKendallTau">Smallest per-query tau-b.</param>
/// <param name="MeanRbo">Mean over queries of rank-biased overlap (p = 0.9, extrapolated).</param>
/// <param name="MinRbo">Smallest per-query RBO.</param>
public sealed record RankingComparison(int Queries, int MissingQueries, int IdenticalQueries, double MeanKendallTau, double MinKendallTau, double MeanRbo, double MinRbo);
