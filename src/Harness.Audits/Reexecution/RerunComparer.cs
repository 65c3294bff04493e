using Harness.Results.Schema;
using Harness.Results.Storage;
using Harness.Statistics.Descriptive;
using Harness.Statistics.Rankings;

namespace Harness.Audits.Reexecution;

/// <summary>
/// Compares a recorded cell with its rerun: per measure the difference of the means over queries and the RMSE over
/// per-query values (pass when both are within the tolerance and the same queries were evaluated), and per query the
/// rankings' Kendall tau-b and rank-biased overlap. With tolerance 0 (exact, the default on CPU) the rankings must
/// also be identical; with a tolerance they are reported and do not fail the cell.
/// </summary>
public static class RerunComparer
{
    /// <summary>Compares two cells.</summary>
    /// <param name="recorded">The recorded cell.</param>
    /// <param name="rerun">The rerun.</param>
    /// <param name="tolerance">Largest accepted |difference of means| and RMSE (0: exact).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The comparison.</returns>
    public static async Task<CellComparison> CompareAsync(CellRecord recorded, CellRecord rerun, double tolerance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(rerun);
        var failures = new List<string>();
        if (!rerun.IsComplete)
        {
            failures.Add($"the rerun did not complete ({rerun.State.ToString().ToLowerInvariant()}: {rerun.Reason})");
            return new CellComparison(recorded.CellId, rerun.CellId, [], null, failures);
        }

        var a = PerQuery(await ResultStore.ReadMetricsAsync(recorded, cancellationToken).ConfigureAwait(false));
        var b = PerQuery(await ResultStore.ReadMetricsAsync(rerun, cancellationToken).ConfigureAwait(false));
        var measures = new List<MeasureComparison>();
        foreach (var measure in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            if (!a.TryGetValue(measure, out var x) || !b.TryGetValue(measure, out var y))
            {
                failures.Add($"{measure}: only in the {(a.ContainsKey(measure) ? "recorded cell" : "rerun")}");
                continue;
            }

            var shared = x.Keys.Where(y.ContainsKey).Order(StringComparer.Ordinal).ToList();
            var missing = x.Count + y.Count - (2 * shared.Count);
            var meanA = Moments.Mean(x.Keys.Order(StringComparer.Ordinal).Select(q => x[q]).ToList());
            var meanB = Moments.Mean(y.Keys.Order(StringComparer.Ordinal).Select(q => y[q]).ToList());
            var sum = 0.0;
            foreach (var q in shared)
            {
                var d = double.IsNaN(x[q]) && double.IsNaN(y[q]) ? 0 : x[q] - y[q];
                sum += d * d;
            }

            var rmse = shared.Count == 0 ? double.NaN : Math.Sqrt(sum / shared.Count);
            var passed = missing == 0 && Within(meanB - meanA, tolerance) && Within(rmse, tolerance);
            measures.Add(new MeasureComparison(measure, shared.Count, missing, meanA, meanB, rmse, passed));
            if (!passed)
            {
                failures.Add($"{measure}: mean {meanA:R} recorded, {meanB:R} rerun (difference {meanB - meanA:R}), RMSE {rmse:R} over {shared.Count} queries{(missing > 0 ? $", {missing} queries in only one" : string.Empty)}; tolerance {tolerance:R}");
            }
        }

        RankingComparison? ranking = null;
        var runA = recorded.PathOf(ResultStore.RunFileName);
        var runB = rerun.PathOf(ResultStore.RunFileName);
        if (File.Exists(runA) && File.Exists(runB))
        {
            ranking = CompareRankings(TrecRunFile.Read(runA), TrecRunFile.Read(runB));
            if (tolerance == 0 && (ranking.IdenticalQueries != ranking.Queries || ranking.MissingQueries > 0))
            {
                failures.Add($"{ResultStore.RunFileName}: {ranking.Queries - ranking.IdenticalQueries} of {ranking.Queries} rankings differ{(ranking.MissingQueries > 0 ? $", {ranking.MissingQueries} queries in only one run" : string.Empty)} (mean Kendall tau {ranking.MeanKendallTau:F4}, mean RBO {ranking.MeanRbo:F4})");
            }
        }
        else if (File.Exists(runA) != File.Exists(runB))
        {
            failures.Add($"{ResultStore.RunFileName}: only in the {(File.Exists(runA) ? "recorded cell" : "rerun")}");
        }

        return new CellComparison(recorded.CellId, rerun.CellId, measures, ranking, failures);
    }

    /// <summary>Per-query comparison of two runs' rankings.</summary>
    /// <param name="a">First run (docnos per query, best first).</param>
    /// <param name="b">Second run.</param>
    /// <returns>The comparison.</returns>
    public static RankingComparison CompareRankings(IReadOnlyDictionary<string, IReadOnlyList<string>> a, IReadOnlyDictionary<string, IReadOnlyList<string>> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shared = a.Keys.Where(b.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var taus = new List<double>();
        var rbos = new List<double>();
        var identical = 0;
        foreach (var q in shared)
        {
            var x = a[q];
            var y = b[q];
            if (x.SequenceEqual(y, StringComparer.Ordinal))
            {
                identical++;
            }

            rbos.Add(RankBiasedOverlap.Extrapolated(x, y));
            var positionB = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < y.Count; i++)
            {
                positionB.TryAdd(y[i], i);
            }

            var px = new List<double>();
            var py = new List<double>();
            for (var i = 0; i < x.Count; i++)
            {
                if (positionB.TryGetValue(x[i], out var j))
                {
                    px.Add(i);
                    py.Add(j);
                }
            }

            var tau = KendallTau.TauB(px, py);
            if (!double.IsNaN(tau))
            {
                taus.Add(tau);
            }
        }

        return new RankingComparison(
            shared.Count,
            a.Count + b.Count - (2 * shared.Count),
            identical,
            taus.Count == 0 ? double.NaN : Moments.Mean(taus),
            taus.Count == 0 ? double.NaN : taus.Min(),
            rbos.Count == 0 ? double.NaN : Moments.Mean(rbos),
            rbos.Count == 0 ? double.NaN : rbos.Min());
    }

    private static bool Within(double value, double tolerance) => !double.IsNaN(value) && Math.Abs(value) <= tolerance;

    private static Dictionary<string, Dictionary<string, double>> PerQuery(IReadOnlyList<MetricRow> rows)
    {
        var result = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r.QueryId != MetricRow.AllQueries))
        {
            if (!result.TryGetValue(r.Measure, out var byQuery))
            {
                result[r.Measure] = byQuery = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            byQuery[r.QueryId] = r.Value;
        }

        return result;
    }
}
