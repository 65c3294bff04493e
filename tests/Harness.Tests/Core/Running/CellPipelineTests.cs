using Harness.Abstractions.Datasets;
using Harness.Abstractions.Rerankers;
using Harness.Core.Running;
using Harness.Retrieval;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Running;

[NonParallelizable]
public sealed class CellPipelineTests
{
    [Test]
    public void Evaluate_matches_values_computed_by_hand_and_counts_unretrieved_judged_queries_as_zero()
    {
        var qrels = new Qrels.Builder().Add("q1", "d1", 1).Add("q1", "d3", 2).Add("q2", "d4", 1).Build();
        RankedQuery[] ranking = [new("q1", [new("d2", 3f), new("d1", 2f), new("d3", 1f)])];

        var rows = CellPipeline.Evaluate(qrels, ranking, ["RR@10", "AP", "nDCG@10"], "t");
        double Value(string q, string m) => rows.Single(r => r.QueryId == q && r.Measure == m).Value;

        // q1: relevant at ranks 2 and 3. RR = 1/2. AP = (1/2 + 2/3) / 2.
        // nDCG@10 with trec_eval's linear gains: DCG = 1/log2(3) + 2/log2(4); ideal = 2/log2(2) + 1/log2(3).
        Assert.That(Value("q1", "RR@10"), Is.EqualTo(0.5).Within(1e-12));
        Assert.That(Value("q1", "AP"), Is.EqualTo((0.5 + (2.0 / 3)) / 2).Within(1e-12));
        var dcg = (1 / Math.Log2(3)) + (2 / Math.Log2(4));
        var ideal = 2 + (1 / Math.Log2(3));
        Assert.That(Value("q1", "nDCG@10"), Is.EqualTo(dcg / ideal).Within(1e-12));
        // q2 is judged but retrieved nothing: it counts as 0 in the mean (trec_eval -c).
        Assert.That(Value("all", "RR@10"), Is.EqualTo(0.25).Within(1e-12));
        Assert.That(Value("all", "AP"), Is.EqualTo((0.5 + (2.0 / 3)) / 4).Within(1e-12));
    }

    [Test]
    public void Reranking_sorts_the_head_by_the_rerankers_score_and_keeps_the_tail_below_it()
    {
        var docs = new[] { "a", "b", "c", "d" }.ToDictionary(id => id, id => new Document(id, id, id));
        IReadOnlyList<ScoredDocument> first = [new("a", 4), new("b", 3), new("c", 2), new("d", 1)];

        var result = Reranking.Rerank(new FixedReranker(new() { ["a"] = 0.1, ["b"] = 0.9, ["c"] = 0.5 }), new Query("q", "q"), first, docs, depth: 3);

        Assert.That(result.Select(d => d.DocumentId), Is.EqualTo(new[] { "b", "c", "a", "d" }));
        Assert.That(result[3].Score, Is.LessThan(result[2].Score), "the tail stays below the reranked head");
    }

    [Test]
    public void Reciprocal_rank_fusion_adds_one_over_sixty_plus_rank()
    {
        IReadOnlyList<ScoredDocument> dense = [new("a", 9), new("b", 8)];
        IReadOnlyList<ScoredDocument> lexical = [new("b", 5), new("c", 4)];

        var fused = RankFusion.Fuse(3, dense, lexical);

        // b: 1/62 + 1/61; a: 1/61; c: 1/62.
        Assert.That(fused.Select(d => d.DocumentId), Is.EqualTo(new[] { "b", "a", "c" }));
        Assert.That(fused[0].Score, Is.EqualTo((float)((1.0 / 62) + (1.0 / 61))));
    }

    [Test]
    public void An_epochs_0_cell_retrieves_and_its_metrics_agree_with_its_own_ranking()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var plan = MatrixFixture.Plan(temp, MatrixFixture.Spec(seeds: "[1]"), cache);
        var cell = plan.Cells.Single();

        var outcome = CellPipeline.Run(cell, new CellPipelineOptions { CacheDirectory = cache, ScratchDirectory = temp.Combine("scratch"), Threads = 1 });

        // RR@10 recomputed from the ranking and the split's judgments, independently of the evaluator.
        var synthetic = (Harness.Abstractions.Plugins.IDatasetPlugin)cell.Dataset.Plugin!;
        var data = synthetic.Create(cell.Dataset.Parameters, new Harness.Abstractions.Plugins.PluginContext(cell.Seed) { CacheDirectory = cache });
        var qrels = data.GetQrels(Split.Test);
        var judged = qrels.QueryIds.ToList();
        var rr = judged.Select(q =>
        {
            var ranked = outcome.Ranking.SingleOrDefault(r => r.QueryId == q)?.Documents ?? [];
            var first = ranked.Take(10).Select((d, i) => (d, i)).FirstOrDefault(x => qrels.IsRelevant(q, x.d.DocumentId));
            return first.d.DocumentId is null ? 0.0 : 1.0 / (first.i + 1);
        }).Average();
        Assert.That(outcome.Queries, Is.EqualTo(data.GetQueries(Split.Test).Count));
        Assert.That(outcome.Ranking.All(r => r.Documents.Count == 20), Is.True);
        Assert.That(outcome.Aggregate("RR@10"), Is.EqualTo(rr).Within(1e-9));
        Assert.That(outcome.Metrics.Count(m => m.Measure == "nDCG@10" && m.QueryId != "all"), Is.EqualTo(judged.Count));
        Assert.That(outcome.Training, Is.Empty);
    }

    [Test]
    public void A_training_cell_records_its_curve_and_its_negatives_per_epoch()
    {
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var spec = MatrixFixture.Spec(seeds: "[1]")
            .Replace("seed: 5 }", "seed: 5, false-negative-rate: 0.5 }", StringComparison.Ordinal)
            .Replace("train: { epochs: 0 }", "train: { epochs: 2, batch_size: 16, negatives: 3 }", StringComparison.Ordinal);
        var cell = MatrixFixture.Plan(temp, spec, cache).Cells.Single();

        var outcome = CellPipeline.Run(cell, new CellPipelineOptions { CacheDirectory = cache, ScratchDirectory = temp.Combine("scratch"), Threads = 1, KeepEncoder = true });

        var data = ((Harness.Abstractions.Plugins.IDatasetPlugin)cell.Dataset.Plugin!).Create(cell.Dataset.Parameters, new Harness.Abstractions.Plugins.PluginContext(cell.Seed) { CacheDirectory = cache });
        var trainQueries = data.GetQueries(Split.Train).Count(q => data.GetQrels(Split.Train).Relevant(q.Id).Count > 0);
        var stepsPerEpoch = (trainQueries + 15) / 16;
        Assert.That(outcome.Training, Has.Count.EqualTo(2 * stepsPerEpoch));
        Assert.That(outcome.Training.Select(t => t.Step), Is.EqualTo(Enumerable.Range(1, 2 * stepsPerEpoch).Select(i => (long)i)));
        Assert.That(outcome.Training.All(t => double.IsFinite(t.Loss)), Is.True);
        Assert.That(outcome.Negatives.Select(n => n.Epoch), Is.EqualTo(new[] { 0, 1 }));
        foreach (var epoch in outcome.Negatives)
        {
            Assert.That(epoch.Queries, Is.EqualTo(trainQueries));
            // The random sampler over 300 documents never falls short: 3 negatives for each query.
            Assert.That(epoch.Shortfalls, Is.Zero);
            Assert.That(epoch.Negatives, Is.EqualTo(3 * epoch.Queries));
        }

        Assert.That(outcome.TrainedEncoder, Is.Not.Null);
        Assert.That(File.Exists(Path.Combine(outcome.TrainedEncoder!, "module.dat")), Is.True, "the encoder's full state (IEncoder.Save)");
        Assert.That(outcome.Seconds.Keys, Does.Contain("train"));
    }

    private sealed class FixedReranker(Dictionary<string, double> scores) : IReranker
    {
        public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates) => [.. candidates.Select(c => scores[c.Id])];
    }
}
