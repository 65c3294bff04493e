using Harness.Core.Running;
using Harness.Results.Schema;
using Harness.Results.Storage;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Running;

[NonParallelizable]
public sealed class MatrixRunnerTests
{
    [Test]
    public async Task A_second_run_finds_every_cell_complete_and_runs_nothing()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var plan = MatrixFixture.Plan(temp, MatrixFixture.Spec(), cache);
        var root = temp.Combine("results");
        var runner = new MatrixRunner(new InProcessCellExecutor(root, cache), new ResultStore(root));

        var first = await runner.RunAsync(plan.Cells, new MatrixRunOptions { Workers = 2 });
        var second = await runner.RunAsync(plan.Cells, new MatrixRunOptions { Workers = 2 });

        Assert.That(first.Executions.Select(e => e.Execution.Status), Is.All.EqualTo(CellExecutionStatus.Complete));
        Assert.That(first.Complete, Is.EqualTo(2));
        Assert.That(second.Plan.AlreadyComplete, Has.Count.EqualTo(2));
        Assert.That(second.Executions, Is.Empty);
    }

    [Test]
    public async Task A_partial_cell_is_never_taken_as_complete_and_runs_again()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var plan = MatrixFixture.Plan(temp, MatrixFixture.Spec(), cache);
        var root = temp.Combine("results");
        var store = new ResultStore(root);
        var runner = new MatrixRunner(new InProcessCellExecutor(root, cache), store);
        await runner.RunAsync(plan.Cells, new MatrixRunOptions());
        var (a, b) = (plan.Cells[0], plan.Cells[1]);
        var original = await MetricsTable.ReadAsync(Path.Combine(store.CellDirectory(a.Id), MetricsTable.FileName));

        // a: killed before its manifest (the manifest is written last); b: a file changed after the manifest.
        File.Delete(Path.Combine(store.CellDirectory(a.Id), "manifest.json"));
        File.WriteAllText(Path.Combine(store.CellDirectory(b.Id), "run.trec"), "half a line");
        // A temporary file left by a write that was interrupted is not a result either.
        File.WriteAllText(Path.Combine(store.CellDirectory(a.Id), ".metrics.parquet.tmp-1-x"), "junk");

        Assert.That((await store.InspectAsync(a.Id)).State, Is.EqualTo(CellState.Incomplete));
        Assert.That((await store.InspectAsync(b.Id)).State, Is.EqualTo(CellState.Corrupt));
        var again = await runner.RunAsync(plan.Cells, new MatrixRunOptions());

        Assert.That(again.Executions.Select(e => e.Cell.Id), Is.EquivalentTo(new[] { a.Id, b.Id }));
        Assert.That((await store.InspectAsync(a.Id)).State, Is.EqualTo(CellState.Complete));
        Assert.That((await store.InspectAsync(b.Id)).State, Is.EqualTo(CellState.Complete));
        Assert.That(Directory.GetFiles(store.CellDirectory(a.Id), ".*"), Is.Empty, "the rerun starts from a clean folder");
        Assert.That(await MetricsTable.ReadAsync(Path.Combine(store.CellDirectory(a.Id), MetricsTable.FileName)), Is.EqualTo(original));
    }

    [Test]
    public async Task A_plugin_that_throws_fails_only_its_cell_and_failures_are_kept_unless_retried()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var plan = MatrixFixture.Plan(temp, MatrixFixture.Spec(seeds: "[1]", rerankers: "[ none, { faulty: { mode: throw } } ]"), cache);
        var root = temp.Combine("results");
        var store = new ResultStore(root);
        var runner = new MatrixRunner(new InProcessCellExecutor(root, cache), store);

        var summary = await runner.RunAsync(plan.Cells, new MatrixRunOptions());
        var kept = await runner.RunAsync(plan.Cells, new MatrixRunOptions());
        var retried = await runner.RunAsync(plan.Cells, new MatrixRunOptions { RetryFailed = true });

        var failed = summary.Failed.Single();
        Assert.That(failed.Cell.Reranker.Id, Is.EqualTo("faulty"));
        Assert.That(failed.Reason, Does.Contain("InvalidOperationException: fixture: the faulty reranker threw on purpose"));
        Assert.That(summary.Complete, Is.EqualTo(1));
        var record = await store.InspectAsync(failed.Cell.Id);
        Assert.That(record.State, Is.EqualTo(CellState.Failed));
        Assert.That(record.Manifest!.Error, Does.Contain("threw on purpose"));
        Assert.That(kept.Executions, Is.Empty);
        Assert.That(kept.Failed.Single().Reason, Does.Contain("--retry-failed"));
        Assert.That(retried.Executions.Single().Cell.Id, Is.EqualTo(failed.Cell.Id));
    }
}
