using Harness.Results.Storage;
using Parquet;
using Parquet.Schema;

namespace Harness.Leaderboard.Tables;

/// <summary>
/// <c>leaderboard.parquet</c>: the aggregated table in long form, one row per configuration × measure, in rank order
/// then display order of measures. Columns: rank (int32), dataset, encoder, loss, sampler, reranker, params, seeds
/// (int32), measure, is_primary (bool), mean, sd, ci_low, ci_high (double, nullable), and, on rows of the primary
/// measure, is_baseline (bool), mean_difference, p_randomization, p_ttest, p_adjusted, effect_size (double, nullable),
/// wins, losses, ties (int32, nullable), significant (bool, nullable), fn_rate (double, nullable).
/// </summary>
public static class LeaderboardParquet
{
    /// <summary>The file name.</summary>
    public const string FileName = "leaderboard.parquet";

    private static readonly DataField<int> Rank = new("rank", false);
    private static readonly DataField<string> Dataset = new("dataset", false);
    private static readonly DataField<string> Encoder = new("encoder", false);
    private static readonly DataField<string> Loss = new("loss", false);
    private static readonly DataField<string> Sampler = new("sampler", false);
    private static readonly DataField<string> Reranker = new("reranker", false);
    private static readonly DataField<string> Params = new("params", false);
    private static readonly DataField<int> Seeds = new("seeds", false);
    private static readonly DataField<string> Measure = new("measure", false);
    private static readonly DataField<bool> IsPrimary = new("is_primary", false);
    private static readonly DataField<double?> Mean = new("mean", true);
    private static readonly DataField<double?> Sd = new("sd", true);
    private static readonly DataField<double?> CiLow = new("ci_low", true);
    private static readonly DataField<double?> CiHigh = new("ci_high", true);
    private static readonly DataField<bool> IsBaseline = new("is_baseline", false);
    private static readonly DataField<double?> MeanDifference = new("mean_difference", true);
    private static readonly DataField<double?> PRandomization = new("p_randomization", true);
    private static readonly DataField<double?> PTTest = new("p_ttest", true);
    private static readonly DataField<double?> PAdjusted = new("p_adjusted", true);
    private static readonly DataField<double?> EffectSize = new("effect_size", true);
    private static readonly DataField<int?> Wins = new("wins", true);
    private static readonly DataField<int?> Losses = new("losses", true);
    private static readonly DataField<int?> Ties = new("ties", true);
    private static readonly DataField<bool?> Significant = new("significant", true);
    private static readonly DataField<double?> FnRate = new("fn_rate", true);

    /// <summary>The schema, columns in their fixed order.</summary>
    public static ParquetSchema Schema { get; } = new(Rank, Dataset, Encoder, Loss, Sampler, Reranker, Params, Seeds, Measure, IsPrimary, Mean, Sd, CiLow, CiHigh, IsBaseline, MeanDifference, PRandomization, PTTest, PAdjusted, EffectSize, Wins, Losses, Ties, Significant, FnRate);

    /// <summary>Writes the table's Parquet file atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="table">The table.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(string path, LeaderboardTable table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<Row>();
        var rank = 0;
        foreach (var r in table.Rows)
        {
            rank++;
            var isBaseline = table.Baselines.TryGetValue(r.Key.Dataset, out var b) && b == r.Key;
            var c = table.AgainstBaseline.GetValueOrDefault(r.Key);
            foreach (var m in table.Measures)
            {
                var s = r.Measures.GetValueOrDefault(m)?.OverSeeds;
                var primary = m == table.PrimaryMeasure;
                rows.Add(new Row(
                    rank, r.Key.Dataset, r.Key.Encoder, r.Key.Loss, r.Key.Sampler, r.Key.Reranker, r.Key.Params, r.Seeds.Count, m, primary,
                    N(s?.Mean), N(s?.StandardDeviation), N(s?.Lower), N(s?.Upper),
                    isBaseline,
                    primary ? N(c?.MeanDifference) : null,
                    primary ? N(c?.RandomizationP) : null,
                    primary ? N(c?.TTestP) : null,
                    primary ? N(c?.AdjustedP) : null,
                    primary ? N(c?.EffectSize) : null,
                    primary ? c?.Wins : null,
                    primary ? c?.Losses : null,
                    primary ? c?.Ties : null,
                    primary ? c?.Significant : null,
                    primary ? N(r.Negatives?.FalseNegativeRate) : null));
            }
        }

        return AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            var writer = await ParquetWriter.CreateAsync(Schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, false, ct).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                using var g = writer.CreateRowGroup();
                var a = rows.ToArray();
                await g.WriteAsync<int>(Rank, Array.ConvertAll(a, x => x.Rank).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync(Dataset, Array.ConvertAll(a, x => x.Dataset)).ConfigureAwait(false);
                await g.WriteAsync(Encoder, Array.ConvertAll(a, x => x.Encoder)).ConfigureAwait(false);
                await g.WriteAsync(Loss, Array.ConvertAll(a, x => x.Loss)).ConfigureAwait(false);
                await g.WriteAsync(Sampler, Array.ConvertAll(a, x => x.Sampler)).ConfigureAwait(false);
                await g.WriteAsync(Reranker, Array.ConvertAll(a, x => x.Reranker)).ConfigureAwait(false);
                await g.WriteAsync(Params, Array.ConvertAll(a, x => x.Params)).ConfigureAwait(false);
                await g.WriteAsync<int>(Seeds, Array.ConvertAll(a, x => x.Seeds).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync(Measure, Array.ConvertAll(a, x => x.Measure)).ConfigureAwait(false);
                await g.WriteAsync<bool>(IsPrimary, Array.ConvertAll(a, x => x.IsPrimary).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(Mean, Array.ConvertAll(a, x => x.Mean).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(Sd, Array.ConvertAll(a, x => x.Sd).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(CiLow, Array.ConvertAll(a, x => x.CiLow).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(CiHigh, Array.ConvertAll(a, x => x.CiHigh).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<bool>(IsBaseline, Array.ConvertAll(a, x => x.IsBaseline).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(MeanDifference, Array.ConvertAll(a, x => x.MeanDifference).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(PRandomization, Array.ConvertAll(a, x => x.PRandomization).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(PTTest, Array.ConvertAll(a, x => x.PTTest).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(PAdjusted, Array.ConvertAll(a, x => x.PAdjusted).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(EffectSize, Array.ConvertAll(a, x => x.EffectSize).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<int>(Wins, Array.ConvertAll(a, x => x.Wins).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<int>(Losses, Array.ConvertAll(a, x => x.Losses).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<int>(Ties, Array.ConvertAll(a, x => x.Ties).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<bool>(Significant, Array.ConvertAll(a, x => x.Significant).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await g.WriteAsync<double>(FnRate, Array.ConvertAll(a, x => x.FnRate).AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                g.CompleteValidate();
            }
        }, cancellationToken);
    }

    /// <summary>NaN and infinities become null (Parquet readers disagree on how to show them).</summary>
    private static double? N(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    private sealed record Row(
        int Rank, string Dataset, string Encoder, string Loss, string Sampler, string Reranker, string Params, int Seeds, string Measure, bool IsPrimary,
        double? Mean, double? Sd, double? CiLow, double? CiHigh, bool IsBaseline, double? MeanDifference, double? PRandomization, double? PTTest,
        double? PAdjusted, double? EffectSize, int? Wins, int? Losses, int? Ties, bool? Significant, double? FnRate);
}
