using System.Reflection;
using System.Runtime.InteropServices;
using Harness.Core.Running;
using Harness.Results.Schema;
using Harness.Results.Manifests;
using Harness.Results.Storage;
using Harness.Tests.Support;
using static TorchSharp.torch;

namespace Harness.Tests.Core.Running;

/// <summary>Out-of-memory is recognised by what was thrown (or how the process died), never by a plugin's wording.</summary>
[NonParallelizable]
public sealed class OutOfMemoryTests
{
    [Test]
    public void A_real_libtorch_allocator_failure_is_out_of_memory()
    {
        // 2^45 floats (128 TiB): libtorch's CPU allocator refuses it, and TorchSharp surfaces c10's error.
        var thrown = Assert.Catch(() => empty([1L << 45], ScalarType.Float32).Dispose());

        Assert.That(thrown, Is.InstanceOf<ExternalException>());
        var (status, reason) = CellWorker.Classify(thrown!);
        Assert.That(status, Is.EqualTo(CellStatus.Failed));
        Assert.That(reason, Does.StartWith("out-of-memory: ExternalException: ").And.Contain("DefaultCPUAllocator"));
    }

    [Test]
    public void A_dotnet_out_of_memory_is_found_inside_wrappers_and_a_message_that_only_mentions_memory_is_not()
    {
        var wrapped = new TargetInvocationException(new AggregateException(new InvalidOperationException("first"), new OutOfMemoryException("array too large")));

        Assert.That(CellWorker.Classify(wrapped).Reason, Is.EqualTo("out-of-memory: OutOfMemoryException: array too large"));
        Assert.That(CellWorker.Classify(new InsufficientMemoryException("no room")).Reason, Does.StartWith("out-of-memory: InsufficientMemoryException"));
        Assert.That(CellWorker.Classify(new InvalidOperationException("my cache ran out of memory budget")).Reason, Does.StartWith("InvalidOperationException: my cache ran out of memory budget"));
        Assert.That(CellWorker.Classify(new ExternalException("shape mismatch: out of memory bounds")).Reason, Does.StartWith("ExternalException:"), "libtorch errors other than its allocators'");
    }

    [Test]
    public void A_libtorch_error_is_recorded_without_its_native_backtrace()
    {
        // The shape of a message seen in a Debian matrix cell (c10 error, then the frames).
        var message = "Expected false to be true, but got false.  (Could this error message be improved?)\nException raised from toDouble at /pytorch/c10/core/Scalar.h:140 (most recent call first):\nframe #0: c10::Error::Error(c10::SourceLocation) + 0xb0 (0x7fb5 in libc10.so)\nframe #1: c10::detail::torchCheckFail + 0x84";

        var reason = CellWorker.Classify(new ExternalException(message)).Reason;

        Assert.That(reason, Does.StartWith("ExternalException: Expected false to be true").And.Contain("Exception raised from toDouble at /pytorch/c10/core/Scalar.h:140"));
        Assert.That(reason, Does.Not.Contain("frame #"));
    }

    [Test]
    public async Task A_cell_that_runs_out_of_memory_is_recorded_failed_as_out_of_memory_and_the_matrix_goes_on()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var plan = MatrixFixture.Plan(temp, MatrixFixture.Spec(seeds: "[1]", rerankers: "[ none, { faulty: { mode: oom } } ]"), cache);
        var root = temp.Combine("results");
        var store = new ResultStore(root);

        var summary = await new MatrixRunner(new InProcessCellExecutor(root, cache), store).RunAsync(plan.Cells, new MatrixRunOptions());

        Assert.That(summary.Complete, Is.EqualTo(1));
        var failed = summary.Failed.Single();
        var record = await store.InspectAsync(failed.Cell.Id);
        Assert.That(record.State, Is.EqualTo(CellState.Failed));
        Assert.That(record.Manifest!.Error, Is.EqualTo("out-of-memory: OutOfMemoryException: fixture: the faulty reranker ran out of memory on purpose"));
        Assert.That(File.Exists(record.PathOf(MetricsTable.FileName)), Is.False);
    }

    [Test]
    public void A_cell_over_the_specs_memory_limit_is_killed_and_recorded_as_out_of_memory()
    {
        using var temp = new TempDirectory();
        var spec = temp.File("hog.yaml", MatrixFixture.Spec(seeds: "[1]", rerankers: "[ none, { faulty: { mode: hog } } ]", extra: "memory: 1GiB"));
        var outDir = temp.Combine("out");

        var run = HarnessCli.RunWithCache(temp.Combine("cache"), "run", spec, "--out", outDir, "--plugins", MatrixFixture.FaultyPlugin);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.Contain("1 of 2 cells complete"), "the cell without the hog stays under the limit");
        var records = new ResultStore(outDir).CellsAsync().Result;
        var failed = records.Single(r => r.State == CellState.Failed);
        Assert.That(failed.Manifest!.Error, Does.Match(@"^out-of-memory: the cell process used [\d.]+ GiB, over the spec's memory limit 1 GiB; it was killed$"));
        Assert.That(run.Stderr, Does.Contain("faulty seed=1: out-of-memory: the cell process used"));
    }
}
