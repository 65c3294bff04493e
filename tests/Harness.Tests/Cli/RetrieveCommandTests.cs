using System.Text.Json;
using Harness.Tests.Support;

namespace Harness.Tests.Cli;

[NonParallelizable]
public sealed class RetrieveCommandTests
{
    [Test]
    public void Bm25_over_a_beir_folder_writes_a_run_the_qrels_and_a_manifest()
    {
        using var temp = new TempDirectory();
        temp.File("beir/corpus.jsonl", """
            {"_id": "d1", "title": "Kernel", "text": "linux kernel driver for network cards"}
            {"_id": "d2", "title": "Fonts", "text": "a serif font family with unicode glyphs"}
            {"_id": "d3", "title": "Audio", "text": "sound mixer and audio codec tools"}
            """);
        temp.File("beir/queries.jsonl", """
            {"_id": "q1", "text": "network driver"}
            {"_id": "q2", "text": "unicode font"}
            """);
        temp.File("beir/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2\n");
        var outDir = temp.Combine("out");

        var r = HarnessCli.RunWithCache(temp.Combine("cache"), "retrieve", "--dataset", "beir", "--set", $"beir.path={temp.Combine("beir")}", "--out", outDir, "--depth", "2");

        Assert.That(r.ExitCode, Is.Zero, r.Stdout + r.Stderr);
        var run = File.ReadAllLines(Path.Combine(outDir, "run.trec"));
        // BM25 returns only documents that share a term with the query: one each here.
        Assert.That(run, Has.Length.EqualTo(2));
        Assert.That(run[0], Does.StartWith("q1 Q0 d1 1 ").And.EndWith(" bm25-beir"));
        Assert.That(run[1], Does.StartWith("q2 Q0 d2 1 "));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "qrels.trec")), Is.EqualTo("q1 0 d1 1\nq2 0 d2 2\n"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        var m = manifest.RootElement.GetProperty("manifest");
        Assert.That(m.GetProperty("datasetContentHash").GetString(), Has.Length.EqualTo(64));
        Assert.That(m.GetProperty("method").GetString(), Is.EqualTo("bm25(k1=0.9,b=0.4)"));
        Assert.That(m.GetProperty("queries").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void Dense_retrieval_with_the_untrained_encoder_runs_on_the_synthetic_dataset()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("out");
        var r = HarnessCli.RunWithCache(temp.Combine("cache"), "retrieve", "--dataset", "synthetic", "--set", "synthetic.docs=2000", "--set", "synthetic.queries=200", "--method", "dense", "--depth", "10", "--out", outDir);
        Assert.That(r.ExitCode, Is.Zero, r.Stdout + r.Stderr);
        var run = File.ReadAllLines(Path.Combine(outDir, "run.trec"));
        var queries = run.Select(l => l.Split(' ')[0]).Distinct().Count();
        Assert.That(run, Has.Length.EqualTo(queries * 10));
        Assert.That(run.Select(l => int.Parse(l.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture)).Take(10), Is.EqualTo(Enumerable.Range(1, 10)));
        Assert.That(r.Stdout, Does.Contain("dense(hashed-bow(dim=128,buckets=262144,char-ngram=3),similarity=cosine)"));
    }

    [TestCase(new[] { "--dataset", "nope" }, "no dataset plugin 'nope' (loaded: beir, debian-descriptions, synthetic, trec)")]
    [TestCase(new[] { "--dataset", "beir" }, "dataset 'beir': parameter 'path' is required")]
    [TestCase(new[] { "--dataset", "synthetic", "--split", "bogus" }, "Argument 'bogus' not recognized")]
    [TestCase(new[] { "--dataset", "synthetic", "--set", "synthetic.docs=-5" }, "synthetic: parameter 'docs'")]
    [TestCase(new[] { "--dataset", "synthetic", "--depth", "0" }, "--depth must be at least 1")]
    public void Bad_input_exits_2_with_a_clear_line(string[] args, string message)
    {
        using var temp = new TempDirectory();
        var r = HarnessCli.RunWithCache(temp.Combine("cache"), ["retrieve", "--out", temp.Combine("out"), .. args]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stdout + r.Stderr);
        Assert.That(r.Stderr, Does.Contain(message));
        Assert.That(Directory.Exists(temp.Combine("out")), Is.False, "nothing is written on bad input");
    }
}
