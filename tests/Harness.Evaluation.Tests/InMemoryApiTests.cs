using System.Globalization;
using System.Text;

namespace Harness.Evaluation.Tests;

/// <summary>The in-process API (no text round-trip) agrees with the command line, including the parallel file reader.</summary>
public sealed class InMemoryApiTests
{
    [Test]
    public void Evaluator_on_in_memory_qrels_and_run_gives_the_hand_computed_values()
    {
        var qrels = new TrecQrels();
        qrels.Add("q1", "d1", 0);
        qrels.Add("q1", "d2", 1);
        qrels.Add("q1", "d3", 1);
        qrels.Add("q1", "d5", 2);
        var run = new TrecRun("tie");
        run.Add("q1", "d1", 0.5);
        run.Add("q1", "d2", 0.5);
        run.Add("q1", "d3", 0.5);
        run.Add("q1", "d4", 0.9);
        var result = new Evaluator(MeasureSet.Parse(["map", "P.5", "ndcg_cut.10"], ["RR@10"])).Evaluate(qrels, run);
        Assert.That(result["map"], Is.EqualTo(7.0 / 18).Within(1e-15));
        Assert.That(result["P_5"], Is.EqualTo(0.4));
        Assert.That(result["RR@10"], Is.EqualTo(0.5));
        Assert.That(result["ndcg_cut_10"], Is.EqualTo((1 / Math.Log2(3) + 0.5) / (2 + 1 / Math.Log2(3) + 0.5)).Within(1e-15));
        Assert.That(result.Queries.Single().QueryId, Is.EqualTo("q1"));
        Assert.That(result.Queries.Single()["map"], Is.EqualTo(7.0 / 18).Within(1e-15));
        Assert.That(result.RunId, Is.EqualTo("tie"));
    }

    [Test]
    public void Queries_come_back_in_strcmp_order()
    {
        var qrels = new TrecQrels();
        var run = new TrecRun();
        foreach (var q in new[] { "2", "10", "1", "b", "B" })
        {
            qrels.Add(q, "d", 1);
            run.Add(q, "d", 1);
        }

        var result = new Evaluator(MeasureSet.Official).Evaluate(qrels, run);
        Assert.That(result.Queries.Select(q => q.QueryId), Is.EqualTo(new[] { "1", "10", "2", "B", "b" }));
        Assert.That(result["num_q"], Is.EqualTo(5));
    }

    [Test]
    public void A_multi_slice_run_file_gives_the_same_output_as_the_in_memory_path()
    {
        // ~7 MB: the parallel reader cuts it into several 4 MiB slices, with queries split across slice boundaries.
        var dir = Path.Combine(Path.GetTempPath(), "harness-eval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var qrelsText = new StringBuilder();
            var runText = new StringBuilder();
            var rng = new Random(7);
            for (var q = 1; q <= 200; q++)
            {
                for (var d = 0; d < 1000; d++)
                {
                    var score = (1000 - d) / 7 * 0.5;
                    runText.Append(CultureInfo.InvariantCulture, $"{q} Q0 DOC-{rng.Next(100_000_000)}-{d} {d + 1} {score} bench\n");
                    if (d % 50 == 3)
                    {
                        qrelsText.Append(CultureInfo.InvariantCulture, $"{q} 0 DOC-x-{d} {rng.Next(3)}\n");
                    }
                }

                // judge some retrieved documents too
                qrelsText.Append(CultureInfo.InvariantCulture, $"{q} 0 missing-{q} 1\n");
            }

            // make some retrieved documents judged by copying docnos from the run
            var lines = runText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < lines.Length; i += 37)
            {
                var f = lines[i].Split(' ');
                qrelsText.Append(CultureInfo.InvariantCulture, $"{f[0]} 0 {f[2]} {1 + (i % 3)}\n");
            }

            var qrelsPath = Path.Combine(dir, "qrels");
            var runPath = Path.Combine(dir, "run");
            File.WriteAllText(qrelsPath, qrelsText.ToString());
            File.WriteAllText(runPath, runText.ToString());
            Assert.That(new FileInfo(runPath).Length, Is.GreaterThan(4 << 20));

            var cli = EvalRun.Files("-q", "-m", "all_trec", qrelsPath, runPath);
            Assert.That(cli.ExitCode, Is.Zero, cli.Stderr);
            var memory = new Evaluator(MeasureSet.AllTrec).Evaluate(TrecQrels.Load(qrelsPath), TrecRun.Load(runPath));
            Assert.That(memory.Queries, Has.Count.EqualTo(200));
            Assert.That(cli["num_ret"], Is.EqualTo("200000"));
            Assert.That(cli["map"], Is.EqualTo(Harness.Evaluation.Output.CFormat.Fixed(memory["map"], 4, 6)));
            Assert.That(cli["ndcg_cut_10", "137"], Is.EqualTo(Harness.Evaluation.Output.CFormat.Fixed(memory.Queries.Single(q => q.QueryId == "137")["ndcg_cut_10"], 4, 6)));
            foreach (var name in memory.Columns.Where(c => c.Kind == Harness.Evaluation.Measures.MeasureValueKind.Float).Select(c => c.Name))
            {
                Assert.That(cli[name], Is.EqualTo(Harness.Evaluation.Output.CFormat.Fixed(memory[name], 4, 6)), name);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void One_qrels_can_be_shared_by_parallel_evaluations()
    {
        var qrels = new TrecQrels();
        for (var q = 0; q < 50; q++)
        {
            qrels.Add(q.ToString(CultureInfo.InvariantCulture), "rel", 1);
        }

        var maps = new double[16];
        Parallel.For(0, maps.Length, i =>
        {
            var run = new TrecRun();
            for (var q = 0; q < 50; q++)
            {
                var qid = q.ToString(CultureInfo.InvariantCulture);
                for (var d = 0; d <= i; d++)
                {
                    run.Add(qid, "other" + d.ToString(CultureInfo.InvariantCulture), 100 - d);
                }

                run.Add(qid, "rel", 0);
            }

            maps[i] = new Evaluator(MeasureSet.Parse(["map"], [])).Evaluate(qrels, run)["map"];
        });

        // the relevant document sits at rank i + 2
        Assert.That(maps, Is.EqualTo(Enumerable.Range(0, maps.Length).Select(i => 1.0 / (i + 2)).ToArray()).Within(1e-12));
    }
}
