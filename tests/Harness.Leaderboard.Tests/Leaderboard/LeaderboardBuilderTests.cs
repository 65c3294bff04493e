using Harness.Leaderboard.Tests.Support;
using Harness.Results.Storage;
using Harness.Statistics.Corrections;

namespace Harness.Leaderboard.Tests.Leaderboard;

[TestFixture]
public sealed class LeaderboardBuilderTests
{
    private TempFolder _dir = null!;
    private LeaderboardTable _table = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        _dir = new TempFolder();
        await SampleMatrix.WriteAsync(_dir.Path);
        _table = await LeaderboardBuilder.BuildAsync(new ResultStore(_dir.Path), new LeaderboardOptions());
    }

    [OneTimeTearDown]
    public void Clean() => _dir.Dispose();

    [Test]
    public void Rows_are_ranked_by_the_primary_measure()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_table.PrimaryMeasure, Is.EqualTo("nDCG@10"));
            Assert.That(_table.Measures, Is.EqualTo(new[] { "nDCG@10", "RR@10" }));
            Assert.That(_table.Rows.Select(r => $"{r.Key.Loss}/{r.Key.Sampler}"), Is.EqualTo(new[] { "infonce/bm25", "infonce/random", "triplet/random" }));
        });
    }

    [Test]
    public void Means_intervals_and_seed_sd_match_hand_computed_values()
    {
        // Per-seed means: BaseMean + 0.1 + {-0.01, 0, 0.01}; sd over seeds 0.01; half-width t(0.975, 2)·0.01/√3 with
        // t(0.975, 2) = 4.302652729911275 (scipy: stats.t.ppf(0.975, 2)).
        var bm25 = _table.Rows[0].Measures["nDCG@10"].OverSeeds;
        Assert.Multiple(() =>
        {
            Assert.That(bm25.Count, Is.EqualTo(3));
            Assert.That(bm25.Mean, Is.EqualTo(SampleMatrix.BaseMean + 0.1).Within(1e-12));
            Assert.That(bm25.StandardDeviation, Is.EqualTo(0.01).Within(1e-12));
            Assert.That(bm25.HalfWidth, Is.EqualTo(4.302652729911275 * 0.01 / Math.Sqrt(3)).Within(1e-12));
            Assert.That(_table.Rows[0].Measures["RR@10"].OverSeeds.Mean, Is.EqualTo((SampleMatrix.BaseMean + 0.1) / 2).Within(1e-12));
        });
    }

    [Test]
    public void A_gain_on_every_query_is_significant_and_a_wash_is_not()
    {
        // bm25 - random = 0.09, 0.10, 0.11 (four queries each): the randomization test enumerates 2^12 = 4096 sign
        // assignments and only the two with all signs equal reach |sum| = 1.2: p = 2/4096. Holm over the two
        // comparisons doubles the smallest p: 4/4096. d_z = 0.1 / (0.01·√(8/11)) = 10·√(11/8); t = d_z·√12.
        var baseline = _table.Rows[1].Key;
        var gain = _table.AgainstBaseline[_table.Rows[0].Key];
        var wash = _table.AgainstBaseline[_table.Rows[2].Key];
        Assert.Multiple(() =>
        {
            Assert.That(_table.Baselines["synthetic"], Is.EqualTo(baseline));
            Assert.That(_table.AgainstBaseline.ContainsKey(baseline), Is.False);
            Assert.That(gain.Queries, Is.EqualTo(12));
            Assert.That(gain.MeanDifference, Is.EqualTo(0.1).Within(1e-12));
            Assert.That(gain.RandomizationP, Is.EqualTo(2.0 / 4096));
            Assert.That(gain.TTestP, Is.LessThan(1e-12));
            Assert.That(gain.EffectSize, Is.EqualTo(10 * Math.Sqrt(11.0 / 8)).Within(1e-9));
            Assert.That(gain.AdjustedP, Is.EqualTo(4.0 / 4096).Within(1e-15));
            Assert.That(gain.Significant, Is.True);
            Assert.That((gain.Wins, gain.Losses, gain.Ties), Is.EqualTo((12, 0, 0)));
            Assert.That(wash.MeanDifference, Is.EqualTo(0).Within(1e-12));
            Assert.That(wash.RandomizationP, Is.EqualTo(1));
            Assert.That(wash.Significant, Is.False);
            Assert.That((wash.Wins, wash.Losses), Is.EqualTo((6, 6)));
        });
    }

    [Test]
    public void The_failed_cell_is_listed_with_its_reason()
    {
        var failed = _table.Problems.Single();
        Assert.Multiple(() =>
        {
            Assert.That(failed.CellId, Is.EqualTo("triplet-bm25-1"));
            Assert.That(failed.State, Is.EqualTo(CellState.Failed));
            Assert.That(failed.Reason, Is.EqualTo("plugin 'bm25' threw: index missing"));
            Assert.That(failed.Configuration!.Sampler, Is.EqualTo("bm25"));
        });
    }

    [Test]
    public void False_negative_rate_and_citations_come_from_the_cells()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_table.Rows[0].Negatives!.FalseNegativeRate, Is.EqualTo(96.0 / 2400).Within(1e-15));
            Assert.That(_table.Rows[1].Negatives, Is.Null);
            Assert.That(_table.Citations.Select(c => c.Key), Is.EqualTo(new[] { "infonce", "triplet" }));
        });
    }

    [Test]
    public async Task Benjamini_Hochberg_and_all_pairs_on_request()
    {
        var table = await LeaderboardBuilder.BuildAsync(new ResultStore(_dir.Path), new LeaderboardOptions { AllPairs = true, Correction = CorrectionMethod.BenjaminiHochberg });
        Assert.Multiple(() =>
        {
            Assert.That(table.Pairs, Has.Count.EqualTo(3));
            Assert.That(table.AgainstBaseline[table.Rows[0].Key].AdjustedP, Is.LessThan(0.05));
        });
    }

    [Test]
    public async Task Flags_override_the_matrix_and_bad_ones_are_named()
    {
        {
            var byRr = await LeaderboardBuilder.BuildAsync(new ResultStore(_dir.Path), new LeaderboardOptions { PrimaryMeasure = "RR@10", Baseline = new Dictionary<string, string> { ["loss"] = "triplet" } });
            Assert.That(byRr.PrimaryMeasure, Is.EqualTo("RR@10"));
            Assert.That(byRr.Baselines["synthetic"].Loss, Is.EqualTo("triplet"));
            var e = await Assert.ThrowsAsync<LeaderboardException>(() => LeaderboardBuilder.BuildAsync(new ResultStore(_dir.Path), new LeaderboardOptions { PrimaryMeasure = "P@5" }));
            Assert.That(e!.Message, Is.EqualTo("primary measure 'P@5' is not in the metrics (measures: nDCG@10, RR@10)"));
            var axis = await Assert.ThrowsAsync<LeaderboardException>(() => LeaderboardBuilder.BuildAsync(new ResultStore(_dir.Path), new LeaderboardOptions { Baseline = new Dictionary<string, string> { ["optimizer"] = "adam" } }));
            Assert.That(axis!.Message, Does.StartWith("baseline: unknown axis 'optimizer'"));
        }
    }

    [Test]
    public async Task A_reference_row_with_a_bm25_first_stage_is_not_taken_as_the_baseline()
    {
        // A BM25 reference row run with the baseline's plugin ids (its params carry the runner's "retrieval(bm25)").
        using var dir = new TempFolder();
        await SampleMatrix.WriteAsync(dir.Path);
        var store = new ResultStore(dir.Path);
        await ResultFolder.WriteCellAsync(
            store,
            "bm25-reference",
            ResultFolder.Axes("infonce", "random", 1, "train(epochs=0);retrieval(bm25)"),
            new Dictionary<string, double[]> { ["nDCG@10"] = SampleMatrix.Base.Select(v => v + 0.2).ToArray(), ["RR@10"] = SampleMatrix.Base },
            null,
            null,
            new Dictionary<string, string>());

        var table = await LeaderboardBuilder.BuildAsync(store, new LeaderboardOptions());
        Assert.Multiple(() =>
        {
            Assert.That(table.Baselines["synthetic"].Params, Is.EqualTo(string.Empty), "the trained infonce + random row stays the baseline");
            Assert.That(table.AgainstBaseline.Keys.Any(k => k.Params.Contains("retrieval(bm25)", StringComparison.Ordinal)), Is.True, "the reference row is compared with it");
            Assert.That(table.Notes, Has.Some.Contains("they are reference rows, not the baseline"));
        });
    }

    [Test]
    public async Task A_folder_without_cells_is_bad_input()
    {
        using var empty = new TempFolder();
        var e = await Assert.ThrowsAsync<LeaderboardException>(() => LeaderboardBuilder.BuildAsync(new ResultStore(empty.Path), new LeaderboardOptions()));
        Assert.That(e!.Message, Does.EndWith("no cells/ folder (not a results folder)"));
    }

    [Test]
    public async Task A_cell_whose_hashed_metrics_are_not_parquet_is_listed_not_read()
    {
        using var dir = new TempFolder();
        var store = new ResultStore(dir.Path);
        var writer = store.CreateCell("bad");
        await writer.WriteFileAsync("metrics.parquet", (s, ct) => s.WriteAsync("not parquet"u8.ToArray(), ct).AsTask());
        await writer.CompleteAsync(new Harness.Results.Manifests.CellManifest { CellId = "bad", Status = Harness.Results.Manifests.CellStatus.Complete, Cell = ResultFolder.Axes("infonce", "random", 1) });
        var table = await LeaderboardBuilder.BuildAsync(store, new LeaderboardOptions());
        Assert.Multiple(() =>
        {
            Assert.That(table.Rows, Is.Empty);
            Assert.That(table.Problems.Single().State, Is.EqualTo(CellState.Corrupt));
            Assert.That(table.Problems.Single().Reason, Does.StartWith("metrics.parquet: not a readable Parquet file"));
        });
    }
}
