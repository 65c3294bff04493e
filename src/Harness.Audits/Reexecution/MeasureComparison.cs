namespace Harness.Audits.Reexecution;

/// <summary>One measure of a cell, recorded against rerun.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Queries">Queries in both.</param>
/// <param name="MissingQueries">Queries in only one of the two.</param>
/// <param name="RecordedMean">Mean over queries, as recorded.</param>
/// <param name="RerunMean">Mean over queries, rerun.</param>
/// <param name="Rmse">Root mean squared difference of the per-query values.</param>
/// <param name="Passed">Whether |difference of means| and RMSE are within the tolerance and no query is missing.</param>
public sealed record MeasureComparison(string Measure, int Queries, int MissingQueries, double RecordedMean, double RerunMean, double Rmse, bool Passed)
{
    /// <summary>Rerun mean minus recorded mean.</summary>
    public double Difference => RerunMean - RecordedMean;
}
