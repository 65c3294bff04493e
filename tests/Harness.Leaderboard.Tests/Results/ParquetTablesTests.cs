using Harness.Leaderboard.Tests.Support;
using Harness.Results;
using Harness.Results.Schema;

namespace Harness.Leaderboard.Tests.Results;

[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class ParquetTablesTests
{
    private static readonly MetricRow[] Metrics =
    [
        new("c1", "synthetic", "hashed-bow", "infonce", "random", "none", 1, "infonce.temperature=0.05", "q1", "nDCG@10", 0.5),
        new("c1", "synthetic", "hashed-bow", "infonce", "random", "none", 1, "infonce.temperature=0.05", "q2", "nDCG@10", 0.25),
        new("c1", "synthetic", "hashed-bow", "infonce", "random", "none", 1, "infonce.temperature=0.05", "q1", "RR@10", 1.0 / 3),
    ];

    private static readonly NegativesRow[] Negatives =
    [
        new("c1", 1, "bm25", 100, 400, 2, 1, 12.5, 100, 17, 3, 0, 0),
        new("c1", 2, "bm25", 100, 398, 3, null, null, null, 11, 0, 5, 4),
    ];

    private static readonly TrainingRow[] Training =
    [
        new("c1", 1, 1, 2.5, 1e-3, 1234.5, 0.01),
        new("c1", 2, 1, 2.25, 1e-3, 1200, 0.02),
    ];

    [Test]
    public async Task Metrics_round_trip_in_order()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "m.parquet");
        await MetricsTable.WriteAsync(path, Metrics);
        Assert.That(await MetricsTable.ReadAsync(path), Is.EqualTo(Metrics));
    }

    [Test]
    public async Task Training_round_trips()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "t.parquet");
        await TrainingTable.WriteAsync(path, Training);
        Assert.That(await TrainingTable.ReadAsync(path), Is.EqualTo(Training));
    }

    [Test]
    public async Task Negatives_round_trip_with_nulls()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "n.parquet");
        await NegativesTable.WriteAsync(path, Negatives);
        Assert.That(await NegativesTable.ReadAsync(path), Is.EqualTo(Negatives));
    }

    [Test]
    public async Task An_empty_table_round_trips()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "e.parquet");
        await MetricsTable.WriteAsync(path, []);
        Assert.That(await MetricsTable.ReadAsync(path), Is.Empty);
    }

    [Test]
    public async Task Same_rows_give_the_same_bytes()
    {
        using var dir = new TempFolder();
        var a = Path.Combine(dir.Path, "a.parquet");
        var b = Path.Combine(dir.Path, "b.parquet");
        await MetricsTable.WriteAsync(a, Metrics);
        await Task.Delay(1100); // a timestamp with one-second resolution would now differ
        await MetricsTable.WriteAsync(b, Metrics);
        Assert.That(await File.ReadAllBytesAsync(b), Is.EqualTo(await File.ReadAllBytesAsync(a)));
    }

    [Test]
    public void Columns_are_in_the_documented_order()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MetricsTable.Schema.DataFields.Select(f => f.Name), Is.EqualTo(new[] { "cell_id", "dataset", "encoder", "loss", "sampler", "reranker", "seed", "params", "query_id", "measure", "value" }));
            Assert.That(TrainingTable.Schema.DataFields.Select(f => f.Name), Is.EqualTo(new[] { "cell_id", "step", "epoch", "loss", "learning_rate", "examples_per_second", "elapsed_seconds" }));
            Assert.That(NegativesTable.Schema.DataFields.Select(f => f.Name), Is.EqualTo(new[] { "cell_id", "epoch", "sampler", "queries", "negatives", "shortfalls", "rank_min", "rank_median", "rank_max", "false_negatives", "in_batch_false_negatives", "dropped", "dropped_false_negatives" }));
        });
    }

    [Test]
    public async Task A_file_that_is_not_parquet_is_reported_by_name()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "bad.parquet");
        await File.WriteAllTextAsync(path, "not parquet at all");
        var e = await Assert.ThrowsAsync<ResultFormatException>(() => MetricsTable.ReadAsync(path));
        Assert.That(e!.Message, Does.StartWith(path + ": "));
    }

    [Test]
    public async Task A_table_of_another_kind_is_reported_with_the_missing_column()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "t.parquet");
        await TrainingTable.WriteAsync(path, Training);
        var e = await Assert.ThrowsAsync<ResultFormatException>(() => MetricsTable.ReadAsync(path));
        Assert.That(e!.Message, Is.EqualTo($"{path}: no column 'dataset'"));
    }
}
