using System.Runtime.Versioning;
using Harness.Core.Caching;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

/// <summary>
/// Every bad input and environment fault of `retrieve`: one line naming the path or cause, a documented exit status
/// (2 bad input, 3 environment), no stack trace, and nothing written.
/// </summary>
[NonParallelizable]
[SupportedOSPlatform("linux")]
public sealed class RetrieveFaultTests
{
    private static readonly string[] Data = ["--dataset", "synthetic", "--set", "synthetic.docs=300", "--set", "synthetic.queries=60"];
    private static readonly string[] Small = [.. Data, "--depth", "5"];

    [TestCase(new[] { "--out", "" }, "harness: --out must name a folder (got an empty path)")]
    [TestCase(new[] { "--out", "/" }, "harness: --out '/' is the file-system root; name a folder below it")]
    [TestCase(new[] { "--run-id", "two words" }, "harness: --run-id 'two words' is empty or contains whitespace and cannot be written in TREC format")]
    [TestCase(new[] { "--k1", "NaN" }, "harness: --k1 must be a finite non-negative number (got NaN)")]
    [TestCase(new[] { "--k1=-0.5" }, "harness: --k1 must be a finite non-negative number (got -0.5)")]
    [TestCase(new[] { "--b", "Infinity" }, "harness: --b must be a finite non-negative number (got Infinity)")]
    [TestCase(new[] { "--set", "synthetc.docs=100" }, "harness: --set names plugins that are not loaded: synthetc (loaded: ")]
    [TestCase(new[] { "--set", "synthetic.dcos=100" }, "harness: --set synthetic: ")]
    [TestCase(new[] { "--set", "infonce.temperature=-1" }, "harness: --set infonce: ")]
    [TestCase(new[] { "--method", "dense", "--encoder", "nope" }, "harness: no encoder plugin 'nope' (loaded: hashed-bow)")]
    public void Bad_input_is_rejected_before_any_work(string[] args, string message)
    {
        using var t = new TempDirectory();
        var outDir = t.Combine("out");
        string[] all = args.Contains("--out") ? ["retrieve", .. Small, .. args] : ["retrieve", .. Small, "--out", outDir, .. args];
        var r = HarnessCli.RunWithCache(t.Combine("cache"), all);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stdout + r.Stderr);
        Assert.That(r.Stderr, Does.StartWith(message));
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line");
        Assert.That(Directory.Exists(outDir), Is.False, "nothing is written on bad input");
        Assert.That(Directory.Exists(t.Combine("cache")), Is.False, "nothing is built on bad input");
    }

    [Test]
    public void An_out_path_that_is_a_file_or_below_a_file_is_bad_input()
    {
        using var t = new TempDirectory();
        var file = t.File("taken", "x");
        var r = HarnessCli.RunWithCache(t.Combine("cache"), ["retrieve", .. Small, "--out", file]);
        Assert.That((r.ExitCode, r.Stderr), Is.EqualTo((2, $"harness: --out '{file}' is a file, not a folder\n")));
        r = HarnessCli.RunWithCache(t.Combine("cache"), ["retrieve", .. Small, "--out", Path.Combine(file, "run")]);
        Assert.That((r.ExitCode, r.Stderr), Is.EqualTo((2, $"harness: --out '{file}' is a file, so '{Path.Combine(file, "run")}' cannot be created\n")));
        Assert.That(File.ReadAllText(file), Is.EqualTo("x"));
    }

    [Test]
    public void Ids_that_trec_format_cannot_hold_are_rejected_before_retrieval()
    {
        using var t = new TempDirectory();
        t.File("beir/corpus.jsonl", "{\"_id\": \"d 1\", \"title\": \"\", \"text\": \"network driver\"}\n");
        t.File("beir/queries.jsonl", "{\"_id\": \"q1\", \"text\": \"network\"}\n");
        t.File("beir/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td 1\t1\n");
        var r = HarnessCli.RunWithCache(t.Combine("cache"), ["retrieve", "--dataset", "beir", "--set", $"beir.path={t.Combine("beir")}", "--out", t.Combine("out")]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Is.EqualTo("harness: dataset 'beir': document id 'd 1' is empty or contains whitespace and cannot be written in TREC format\n"));
        Assert.That(Directory.Exists(t.Combine("cache")), Is.False, "no index was built");
        Assert.That(Directory.Exists(t.Combine("out")), Is.False);
    }

    [Test]
    public void An_unwritable_cache_is_one_line_naming_it_and_exit_3()
    {
        using var t = new TempDirectory();
        var cache = t.Combine("cache");
        Directory.CreateDirectory(cache);
        File.SetUnixFileMode(cache, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var outDir = Path.Combine(Unprivileged.Writable(t.Combine("writable")), "out");
        var r = Unprivileged.RunHarness(HarnessCli.Environment(null, cache), ["retrieve", .. Small, "--out", outDir]);
        Assert.That(r.ExitCode, Is.EqualTo(3), r.Stdout + r.Stderr);
        Assert.That(r.Stderr, Is.EqualTo($"harness: cannot write the cache folder {Path.Combine(cache, "bm25")}: permission denied\n"));
        Assert.That(Directory.Exists(outDir), Is.False);
    }

    [Test]
    public void A_cache_under_a_file_is_one_line_naming_it_and_exit_3()
    {
        using var t = new TempDirectory();
        var file = t.File("file", "x");
        var r = HarnessCli.RunWithCache(Path.Combine(file, "cache"), ["retrieve", .. Small, "--out", t.Combine("out")]);
        Assert.That(r.ExitCode, Is.EqualTo(3), r.Stderr);
        Assert.That(r.Stderr, Does.StartWith($"harness: cannot write the cache folder {Path.Combine(file, "cache", "bm25")}: "));
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_full_disk_for_the_output_keeps_the_previous_run_and_exits_3()
    {
        // A real full disk: a 16 KiB tmpfs (needs root and mount rights; elsewhere RetrieveOutputTests covers the same
        // path with the enospc@ fault hook).
        using var t = new TempDirectory();
        var mount = t.Combine("tiny");
        Directory.CreateDirectory(mount);
        var m = ProcessRunner.Run("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mount]);
        if (m.ExitCode != 0)
        {
            Assert.Ignore($"cannot mount a tmpfs here ({m.Stderr.Trim()}); the enospc fault hook test covers this path");
        }

        try
        {
            var outDir = Path.Combine(mount, "run");
            var first = HarnessCli.RunWithCache(t.Combine("cache"), ["retrieve", .. Data, "--depth", "1", "--out", outDir]);
            Assert.That(first.ExitCode, Is.Zero, first.Stderr);
            var before = Directory.GetFiles(outDir).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
            var r = HarnessCli.RunWithCache(t.Combine("cache"), ["retrieve", .. Data, "--depth", "300", "--out", outDir]);
            Assert.That(r.ExitCode, Is.EqualTo(3), r.Stderr);
            Assert.That(r.Stderr, Is.EqualTo($"harness: cannot write {outDir}: no space left on device; a previous run there is unchanged\n"));
            Assert.That(Directory.GetFiles(outDir).ToDictionary(f => Path.GetFileName(f), File.ReadAllText), Is.EqualTo(before));
            Assert.That(Directory.GetFileSystemEntries(mount), Is.EqualTo(new[] { outDir }), "the partial folder was removed");
        }
        finally
        {
            ProcessRunner.Run("umount", [mount]);
        }
    }

    [Test]
    public void A_corrupt_cache_entry_is_reported_rebuilt_and_gives_the_same_run()
    {
        using var t = new TempDirectory();
        var cache = t.Combine("cache");
        var first = HarnessCli.RunWithCache(cache, ["retrieve", .. Small, "--out", t.Combine("a")]);
        Assert.That(first.ExitCode, Is.Zero, first.Stderr);
        var entry = Directory.GetDirectories(Path.Combine(cache, "bm25")).Single();
        var victim = Directory.GetFiles(entry).Where(f => !f.EndsWith(CacheStore.CompletionRecord, StringComparison.Ordinal)).OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = File.ReadAllBytes(victim);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(victim, bytes);

        var second = HarnessCli.RunWithCache(cache, ["retrieve", .. Small, "--out", t.Combine("b")]);
        Assert.That(second.ExitCode, Is.Zero, second.Stderr);
        Assert.That(second.Stderr, Is.EqualTo($"harness: cache entry {entry} is corrupt ({Path.GetFileName(victim)} does not match its SHA-256); rebuilding it\n"));
        Assert.That(File.ReadAllText(t.Combine("b", "run.trec")), Is.EqualTo(File.ReadAllText(t.Combine("a", "run.trec"))));
        Assert.That(CacheStore.Problem(entry), Is.Null, "the rebuilt entry is complete");
    }

    [Test]
    public void A_partial_cache_entry_without_its_completion_record_is_rebuilt()
    {
        using var t = new TempDirectory();
        var cache = t.Combine("cache");
        Assert.That(HarnessCli.RunWithCache(cache, ["retrieve", .. Small, "--out", t.Combine("a")]).ExitCode, Is.Zero);
        var entry = Directory.GetDirectories(Path.Combine(cache, "bm25")).Single();
        File.Delete(Path.Combine(entry, CacheStore.CompletionRecord));
        var r = HarnessCli.RunWithCache(cache, ["retrieve", .. Small, "--out", t.Combine("b")]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr, Is.EqualTo($"harness: cache entry {entry} is incomplete (no completion record); rebuilding it\n"));
    }
}
