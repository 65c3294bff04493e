using System.Diagnostics;

namespace Harness.Evaluation.Tests.Parsing;

/// <summary>
/// Inputs that cannot be mapped or are compressed (issue 14 point 3) give the bytes the plain file gives. Standard
/// input (<c>-</c>, <c>/dev/stdin</c>) and process substitution need a real process: tests/Harness.Tests/Cli/Eval.
/// </summary>
public sealed class StreamInputTests
{
    private static string Expected => File.ReadAllText(Cases.TrecEval("out.test.aq"));

    private static string Stream(string name) =>
        Path.Combine(Cases.RepoRoot, "tests", "Harness.Evaluation.Tests", "TestData", "streams", name);

    [TestCase("results.test.gz")]
    [TestCase("results.test.xz")]
    public void A_compressed_run_is_read_directly(string name)
    {
        Assert.That(Expected, Is.Not.Empty);
        var run = EvalRun.Files("-m", "all_trec", "-q", Cases.TrecEval("qrels.test"), Stream(name));
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo(Expected));
    }

    [Test]
    public void A_compressed_qrels_is_read_directly()
    {
        using var temp = new TempFolder();
        var gz = Path.Combine(temp.Path, "qrels.gz");
        using (var output = new System.IO.Compression.GZipStream(File.Create(gz), System.IO.Compression.CompressionLevel.Fastest))
        {
            output.Write(File.ReadAllBytes(Cases.TrecEval("qrels.test")));
        }

        var run = EvalRun.Files("-m", "all_trec", "-q", gz, Cases.TrecEval("results.test"));
        Assert.That(run.Stdout, Is.EqualTo(Expected), run.Stderr);
    }

    [Test]
    public void A_corrupt_xz_run_is_an_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(Stream("results.test.xz"));
        for (var i = 200; i < 400; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var path = Path.Combine(temp.Path, "bad.xz");
        File.WriteAllBytes(path, bytes);
        var run = EvalRun.Files(Cases.TrecEval("qrels.test"), path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith($"{path}: cannot read run file: "));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void A_fifo_is_read_sequentially()
    {
        using var temp = new TempFolder();
        var fifo = Path.Combine(temp.Path, "run.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.That(mkfifo.ExitCode, Is.Zero);
        }

        // The writer blocks until the evaluator opens the FIFO for reading.
        var writer = Task.Run(() => File.WriteAllBytes(fifo, File.ReadAllBytes(Cases.TrecEval("results.test"))));
        var run = EvalRun.Files("-m", "all_trec", "-q", Cases.TrecEval("qrels.test"), fifo);
        Assert.That(writer.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo(Expected));
    }

    [Test]
    public void A_run_longer_than_one_read_block_is_cut_at_line_ends()
    {
        // The sequential reader works in 4 MiB blocks: a gzip run of ~9 MiB crosses two block ends; the result must be
        // that of the same run read from a plain file (parallel slices).
        using var temp = new TempFolder();
        var plain = Path.Combine(temp.Path, "big.run");
        var qrels = Path.Combine(temp.Path, "big.qrels");
        using (var w = new StreamWriter(plain))
        {
            for (var q = 0; q < 300; q++)
            {
                for (var d = 0; d < 600; d++)
                {
                    w.Write($"q{q} Q0 document-number-{d:D6}-with-a-long-name {d} {(d * 7919 % 1000) / 10.0} run-with-a-long-name\n");
                }
            }
        }

        File.WriteAllLines(qrels, Enumerable.Range(0, 300).SelectMany(q => new[] { $"q{q} 0 document-number-{q:D6}-with-a-long-name 1", $"q{q} 0 document-number-{q + 1:D6}-with-a-long-name 2" }));
        var gz = plain + ".gz";
        using (var output = new System.IO.Compression.GZipStream(File.Create(gz), System.IO.Compression.CompressionLevel.Fastest))
        {
            using var input = File.OpenRead(plain);
            input.CopyTo(output);
        }

        Assert.That(new FileInfo(plain).Length, Is.GreaterThan(8L << 20));
        var a = EvalRun.Files("-q", "-m", "all_trec", qrels, plain);
        var b = EvalRun.Files("-q", "-m", "all_trec", qrels, gz);
        Assert.That(a.ExitCode, Is.Zero, a.Stderr);
        Assert.That(b.Stdout, Is.EqualTo(a.Stdout).And.Not.Empty);
    }

    private sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "harness-eval-streams", Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, true);
    }
}
