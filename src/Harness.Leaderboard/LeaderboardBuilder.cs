using Harness.Leaderboard.Aggregation;
using Harness.Leaderboard.Comparisons;
using Harness.Results;
using Harness.Results.Schema;
using Harness.Results.Storage;
using Harness.Statistics.Corrections;
using Harness.Statistics.Descriptive;

namespace Harness.Leaderboard;

/// <summary>
/// Builds a <see cref="LeaderboardTable"/> from a results folder, reading only its Parquet files, manifests and
/// <c>matrix.json</c> (no plugins). Cells that are not complete (or whose files do not match their manifest) are left
/// out of the table and listed with their reasons.
/// </summary>
public static class LeaderboardBuilder
{
    /// <summary>The measure ranked by when neither the options nor <c>matrix.json</c> name one and it is present.</summary>
    public const string DefaultPrimaryMeasure = "nDCG@10";

    /// <summary>Reads the folder and builds the table.</summary>
    /// <param name="store">The results folder.</param>
    /// <param name="options">Options (null values taken from <c>matrix.json</c>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The table.</returns>
    /// <exception cref="LeaderboardException">Not a results folder, an unknown primary measure or baseline axis, a broken <c>matrix.json</c>.</exception>
    public static async Task<LeaderboardTable> BuildAsync(ResultStore store, LeaderboardOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(store.CellsDirectory))
        {
            throw new LeaderboardException($"{store.Root}: no {ResultStore.CellsFolder}/ folder (not a results folder)");
        }

        Results.Matrix.MatrixInfo? matrix;
        try
        {
            matrix = store.ReadMatrix();
        }
        catch (ResultFormatException e)
        {
            throw new LeaderboardException(e.Message, e);
        }

        var notes = new List<string>();
        var problems = new List<ProblemCell>();
        var citations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var cells = new Dictionary<ConfigurationKey, SortedDictionary<long, LoadedCell>>();
        foreach (var cell in await store.CellsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var (plugin, citation) in (cell.Manifest?.Citations ?? new Dictionary<string, string>()).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                citations.TryAdd(plugin, citation);
            }

            var key = cell.Manifest is { } m ? ConfigurationKey.Of(m.Cell) : null;
            if (!cell.IsComplete)
            {
                problems.Add(new ProblemCell(cell.CellId, key, cell.Manifest?.Cell.Seed, cell.State, cell.Reason));
                continue;
            }

            LoadedCell loaded;
            try
            {
                loaded = new LoadedCell(
                    cell,
                    await ResultStore.ReadMetricsAsync(cell, cancellationToken).ConfigureAwait(false),
                    await ResultStore.ReadNegativesAsync(cell, cancellationToken).ConfigureAwait(false),
                    await ResultStore.ReadTrainingAsync(cell, cancellationToken).ConfigureAwait(false));
            }
            catch (ResultFormatException e)
            {
                problems.Add(new ProblemCell(cell.CellId, key, cell.Manifest!.Cell.Seed, CellState.Corrupt, e.Message.Replace(cell.Directory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)));
                continue;
            }

            var stray = loaded.Metrics.FirstOrDefault(r => r.CellId != cell.CellId);
            if (stray is not null)
            {
                problems.Add(new ProblemCell(cell.CellId, key, cell.Manifest!.Cell.Seed, CellState.Corrupt, $"{MetricsTable.FileName}: a row names cell '{stray.CellId}'"));
                continue;
            }

            var seeds = cells.TryGetValue(key!, out var s) ? s : cells[key!] = [];
            var seed = cell.Manifest!.Cell.Seed;
            if (seeds.TryGetValue(seed, out var kept))
            {
                notes.Add($"{key!.Dataset} {key.DisplayName} seed {seed}: two complete cells ({kept.Record.CellId}, {cell.CellId}); using {kept.Record.CellId}");
                continue;
            }

            seeds[seed] = loaded;
        }

        var measures = OrderMeasures(cells.Values.SelectMany(s => s.Values).SelectMany(c => c.Metrics).Select(r => r.Measure), matrix?.Measures);
        var primary = options.PrimaryMeasure ?? matrix?.PrimaryMeasure ?? (measures.Contains(DefaultPrimaryMeasure) ? DefaultPrimaryMeasure : measures.FirstOrDefault() ?? DefaultPrimaryMeasure);
        if (measures.Count > 0 && !measures.Contains(primary))
        {
            throw new LeaderboardException($"primary measure '{primary}' is not in the metrics (measures: {string.Join(", ", measures)})");
        }

        var rows = cells
            .OrderBy(c => c.Key)
            .Select(c => Aggregate(c.Key, c.Value, measures, options.ConfidenceLevel))
            .OrderByDescending(r => r.Measures.TryGetValue(primary, out var m) && !double.IsNaN(m.OverSeeds.Mean) ? m.OverSeeds.Mean : double.NegativeInfinity)
            .ThenBy(r => r.Key)
            .ToList();

        var common = rows.Count == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : rows.Select(r => r.Key.Params.Split(';', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal))
                .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var naming = new LeaderboardTable { CommonParams = common, Name = string.Empty, Measures = [], PrimaryMeasure = primary, Rows = [], Baselines = new Dictionary<string, ConfigurationKey>(), AgainstBaseline = new Dictionary<ConfigurationKey, Comparison>(), Pairs = [], Problems = [], Citations = [], Notes = [], Options = options };
        var selector = options.Baseline ?? matrix?.Baseline;
        var baselines = FindBaselines(rows, selector, notes, naming.NameOf);
        var raw = new List<(ConfigurationResult Row, ConfigurationResult Against, bool IsPair)>();
        foreach (var row in rows)
        {
            if (baselines.TryGetValue(row.Key.Dataset, out var baseKey) && baseKey != row.Key)
            {
                raw.Add((row, rows.First(r => r.Key == baseKey), false));
            }
        }

        if (options.AllPairs)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                for (var j = i + 1; j < rows.Count; j++)
                {
                    if (rows[i].Key.Dataset == rows[j].Key.Dataset)
                    {
                        raw.Add((rows[i], rows[j], true));
                    }
                }
            }
        }

        var compared = new Comparison[raw.Count];
        Parallel.For(0, raw.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            compared[i] = PairedComparer.Compare(raw[i].Row, raw[i].Against, primary, options));
        var p = compared.Select(c => options.Test == SignificanceTest.Randomization ? c.RandomizationP : c.TTestP).ToArray();
        var adjusted = PValueAdjustment.Adjust(p, options.Correction);
        for (var i = 0; i < compared.Length; i++)
        {
            compared[i] = compared[i] with { AdjustedP = adjusted[i], Significant = adjusted[i] < options.Alpha };
        }

        return new LeaderboardTable
        {
            CommonParams = common,
            Name = matrix?.Name ?? Path.GetFileName(store.Root.TrimEnd(Path.DirectorySeparatorChar)),
            Measures = measures,
            PrimaryMeasure = primary,
            Rows = rows,
            Baselines = baselines,
            BaselineSelector = selector,
            AgainstBaseline = Enumerable.Range(0, raw.Count).Where(i => !raw[i].IsPair).ToDictionary(i => raw[i].Row.Key, i => compared[i]),
            Pairs = [.. Enumerable.Range(0, raw.Count).Where(i => raw[i].IsPair).Select(i => compared[i])],
            Problems = problems,
            Citations = [.. citations],
            Notes = notes,
            Options = options,
        };
    }

    private static List<string> OrderMeasures(IEnumerable<string> present, IReadOnlyList<string>? declared)
    {
        var set = present.ToHashSet(StringComparer.Ordinal);
        var ordered = (declared ?? []).Where(set.Contains).Distinct(StringComparer.Ordinal).ToList();
        ordered.AddRange(set.Where(m => !ordered.Contains(m)).Order(StringComparer.Ordinal));
        return ordered;
    }

    /// <summary>The params prefix the runner gives a cell whose first-stage retrieval is not the default dense search.</summary>
    private const string ReferenceRetrievalMarker = "retrieval(";

    private static Dictionary<string, ConfigurationKey> FindBaselines(List<ConfigurationResult> rows, IReadOnlyDictionary<string, string>? selector, List<string> notes, Func<ConfigurationKey, string> nameOf)
    {
        var baselines = new Dictionary<string, ConfigurationKey>(StringComparer.Ordinal);
        if (selector is null || selector.Count == 0)
        {
            return baselines;
        }

        foreach (var axis in selector.Keys)
        {
            if (!ConfigurationKey.Axes.Contains(axis))
            {
                throw new LeaderboardException($"baseline: unknown axis '{axis}' (axes: {string.Join(", ", ConfigurationKey.Axes)})");
            }
        }

        var described = string.Join(", ", selector.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        foreach (var dataset in rows.Select(r => r.Key.Dataset).Distinct().Order(StringComparer.Ordinal))
        {
            var candidates = rows.Where(r => r.Key.Dataset == dataset && selector.All(s => r.Key.Get(s.Key) == s.Value)).Select(r => r.Key).Order().ToList();
            if (candidates.Count == 0)
            {
                notes.Add($"{dataset}: no configuration matches the baseline ({described}); no comparisons on this dataset");
                continue;
            }

            // A reference row whose first stage is not the default dense search (the runner adds "retrieval(bm25)" or
            // "retrieval(both)" to its params, e.g. a BM25 row run with the same plugin ids) is a different system:
            // it is the baseline only when nothing else matches.
            var denseFirstStage = candidates.Where(k => !k.Params.Contains(ReferenceRetrievalMarker, StringComparison.Ordinal)).ToList();
            if (denseFirstStage.Count > 0 && denseFirstStage.Count < candidates.Count)
            {
                notes.Add($"{dataset}: {candidates.Count - denseFirstStage.Count} configuration(s) with a non-dense first stage (params {ReferenceRetrievalMarker}...)) also match the baseline ({described}); they are reference rows, not the baseline");
                candidates = denseFirstStage;
            }

            if (candidates.Count > 1)
            {
                notes.Add($"{dataset}: {candidates.Count} configurations match the baseline ({described}); using {nameOf(candidates[0])} (name more axes, e.g. params, to choose)");
            }

            baselines[dataset] = candidates[0];
        }

        return baselines;
    }

    private static ConfigurationResult Aggregate(ConfigurationKey key, SortedDictionary<long, LoadedCell> seeds, IReadOnlyList<string> measures, double level)
    {
        var summaries = new Dictionary<string, MeasureSummary>(StringComparer.Ordinal);
        var perQuery = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            var perSeed = new SortedDictionary<long, double>();
            var sums = new SortedDictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
            foreach (var (seed, cell) in seeds)
            {
                var rows = cell.Metrics.Where(r => r.Measure == measure).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var queries = rows.Where(r => r.QueryId != MetricRow.AllQueries).OrderBy(r => r.QueryId, StringComparer.Ordinal).ToList();
                foreach (var r in queries)
                {
                    var (sum, count) = sums.GetValueOrDefault(r.QueryId);
                    sums[r.QueryId] = (sum + r.Value, count + 1);
                }

                var all = rows.FirstOrDefault(r => r.QueryId == MetricRow.AllQueries);
                perSeed[seed] = all?.Value ?? Moments.Mean(queries.Select(r => r.Value).ToList());
            }

            if (perSeed.Count == 0)
            {
                continue;
            }

            summaries[measure] = new MeasureSummary(measure, ConfidenceInterval.OfMean([.. perSeed.Values], level), perSeed);
            perQuery[measure] = sums.ToDictionary(s => s.Key, s => s.Value.Sum / s.Value.Count, StringComparer.Ordinal);
        }

        NegativeSummary? negatives = null;
        var negativeRows = seeds.Values.SelectMany(c => c.Negatives).ToList();
        if (negativeRows.Count > 0)
        {
            negatives = new NegativeSummary(
                negativeRows.Sum(r => r.Negatives),
                negativeRows.Sum(r => r.FalseNegatives),
                negativeRows.Sum(r => r.InBatchFalseNegatives),
                negativeRows.Sum(r => r.Dropped),
                negativeRows.Sum(r => r.DroppedFalseNegatives),
                negativeRows.Sum(r => r.Shortfalls));
        }

        var loss = seeds.Values
            .SelectMany(c => c.Training)
            .GroupBy(r => r.Step)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Moments.Mean(g.Select(r => r.Loss).ToList())))
            .ToList();

        return new ConfigurationResult(
            key,
            [.. seeds.Keys],
            seeds.ToDictionary(s => s.Key, s => s.Value.Record.CellId),
            summaries,
            perQuery,
            negatives,
            loss);
    }

    private sealed record LoadedCell(CellRecord Record, IReadOnlyList<MetricRow> Metrics, IReadOnlyList<NegativesRow> Negatives, IReadOnlyList<TrainingRow> Training);
}
