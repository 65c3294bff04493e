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

    [TestCase("results.test.gz", 0.5, "gzip")]
    [TestCase("results.test.gz", 0.99, "gzip")]
    [TestCase("results.test.gz", -8, "gzip")]
    [TestCase("results.test.gz", -3, "gzip")]
    [TestCase("results.test.xz", 0.5, "xz")]
    [TestCase("results.test.xz", -10, "xz")]
    public void A_truncated_compressed_run_is_reported_as_truncated_not_as_a_malformed_line(string name, double cut, string kind)
    {
        // cut: a fraction of the file kept, or (negative) bytes removed from its end (-8: gzip without its CRC32/ISIZE
        // trailer; -3: part of it).
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(Stream(name));
        var keep = cut > 0 ? (int)(bytes.Length * cut) : bytes.Length + (int)cut;
        var path = Path.Combine(temp.Path, "cut-" + name);
        File.WriteAllBytes(path, bytes[..keep]);
        var run = EvalRun.Files(Cases.TrecEval("qrels.test"), path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo($"{path}: truncated {kind} stream: the compressed run file ends before its end\n"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void A_complete_gzip_with_a_wrong_checksum_is_corrupt_not_truncated()
    {
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(Stream("results.test.gz"));
        bytes[^8] ^= 0xFF; // first byte of the CRC32 in the trailer
        var path = Path.Combine(temp.Path, "badcrc.gz");
        File.WriteAllBytes(path, bytes);
        var run = EvalRun.Files(Cases.TrecEval("qrels.test"), path);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith($"{path}: cannot read run file: "));
        Assert.That(run.Stderr.TrimEnd('\n'), Does.Not.Contain("\n"), "one line");
    }

    [Test]
    public void A_truncated_gzip_qrels_is_reported_too()
    {
        using var temp = new TempFolder();
        var gz = Path.Combine(temp.Path, "qrels.gz");
        using (var output = new System.IO.Compression.GZipStream(File.Create(gz), System.IO.Compression.CompressionLevel.Fastest))
        {
            output.Write(File.ReadAllBytes(Cases.TrecEval("qrels.test")));
        }

        var bytes = File.ReadAllBytes(gz);
        File.WriteAllBytes(gz, bytes[..(bytes.Length / 2)]);
        var run = EvalRun.Files(gz, Cases.TrecEval("results.test"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo($"{gz}: truncated gzip stream: the compressed qrels file ends before its end\n"));
    }

    [Test]
    public void Two_concatenated_gzip_members_are_one_complete_stream()
    {
        // gzip allows members back to back (cat a.gz b.gz); the check must not call the first member's end a truncation.
        using var temp = new TempFolder();
        var lines = File.ReadAllText(Cases.TrecEval("results.test"));
        var half = lines.IndexOf('\n', lines.Length / 2) + 1;
        var path = Path.Combine(temp.Path, "two.gz");
        using (var file = File.Create(path))
        {
            foreach (var part in new[] { lines[..half], lines[half..] })
            {
                using var member = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
                member.Write(System.Text.Encoding.UTF8.GetBytes(part));
            }
        }

        var run = EvalRun.Files("-m", "all_trec", "-q", Cases.TrecEval("qrels.test"), path);
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo(Expected));
    }

    /// <summary>A run of about 16 MiB (four 4 MiB stream blocks) for the three judged queries of qrels.test.</summary>
    private static string BigRun(int lines, int badLine = -1)
    {
        var judged = File.ReadAllLines(Cases.TrecEval("qrels.test")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var text = new System.Text.StringBuilder(lines * 30);
        for (var i = 1; i <= lines; i++)
        {
            var q = 301 + (i % 3);
            // Every 7th line a judged docno of that query (once each), otherwise an unjudged one; scores with many ties.
            var doc = i % 7 == 0 && i / 7 < judged.Length && judged[i / 7][0] == q.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? judged[i / 7][2]
                : $"X-{i}";
            text.Append(i == badLine ? $"{q} Q0 {doc} {i}\n" : $"{q} Q0 {doc} {i} {(i % 997) * 0.001:F3} big\n");
        }

        return text.ToString();
    }

    private static string Gzip(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        using var output = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest);
        output.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return path;
    }

    [Test]
    public void A_stream_spanning_several_blocks_parsed_in_parallel_gives_the_plain_files_bytes()
    {
        using var temp = new TempFolder();
        var text = BigRun(600_000);
        Assert.That(text.Length, Is.GreaterThan(3 * (4 << 20)), "spans at least four 4 MiB blocks");
        var plain = Path.Combine(temp.Path, "big.run");
        File.WriteAllText(plain, text);
        var gz = Gzip(temp.Path, "big.run.gz", text);
        var fromFile = EvalRun.Files("-m", "all_trec", "-q", Cases.TrecEval("qrels.test"), plain);
        var fromStream = EvalRun.Files("-m", "all_trec", "-q", Cases.TrecEval("qrels.test"), gz);
        Assert.That(fromFile.ExitCode, Is.Zero, fromFile.Stderr);
        Assert.That(fromStream.ExitCode, Is.Zero, fromStream.Stderr);
        Assert.That(fromFile["num_ret", "301"], Is.EqualTo("200000"));
        Assert.That(fromFile["num_ret"], Is.EqualTo("600000"));
        Assert.That(fromStream.Stdout, Is.EqualTo(fromFile.Stdout));
    }

    [Test]
    public void A_malformed_line_deep_in_a_stream_is_reported_with_its_line_number()
    {
        using var temp = new TempFolder();
        var gz = Gzip(temp.Path, "bad.run.gz", BigRun(600_000, badLine: 500_001));
        var run = EvalRun.Files(Cases.TrecEval("qrels.test"), gz);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo($"{gz}:500001: malformed run line: expected 6 fields (qid iter docno rank sim runid), found 4\n"));
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
