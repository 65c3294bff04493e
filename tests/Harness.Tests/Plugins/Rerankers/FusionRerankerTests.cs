using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Conformance;
using Harness.Conformance.Rerankers;
using Harness.Plugins.Rerankers;

namespace Harness.Tests.Plugins.Rerankers;

public sealed class FusionRerankerTests
{
    private static readonly Query Q = new("q", "anything");

    private static RerankCandidate Candidate(string id, params (string Source, int Rank)[] hits) =>
        new(new Document(id, string.Empty, id), hits.ToDictionary(h => h.Source, h => new FirstStageHit(h.Rank, 100 - h.Rank)));

    [Test]
    public void Rrf_sums_one_over_k_plus_the_one_based_rank_over_the_lists_that_hold_a_document()
    {
        // a: dense rank 1, bm25 rank 3 → 1/61 + 1/63; b: dense 2 only → 1/62; c: bm25 1 only → 1/61 (0-based ranks + 1).
        var request = new RerankRequest(Q, [Candidate("a", ("dense", 0), ("bm25", 2)), Candidate("b", ("dense", 1)), Candidate("c", ("bm25", 0))]);
        var scores = new ReciprocalRankFusionReranker(60, ["dense", "bm25"]).Score(request);

        Assert.That(scores[0], Is.EqualTo((1.0 / 61) + (1.0 / 63)).Within(1e-15));
        Assert.That(scores[1], Is.EqualTo(1.0 / 62).Within(1e-15));
        Assert.That(scores[2], Is.EqualTo(1.0 / 61).Within(1e-15));

        // k = 0 and a single list: 1/rank.
        var dense = new ReciprocalRankFusionReranker(0, ["dense"]).Score(request);
        Assert.That(dense, Is.EqualTo(new[] { 1.0, 0.5, 0.0 }));
    }

    [Test]
    public void The_rrf_plugin_asks_for_both_lists_with_the_papers_k()
    {
        var plugin = new ReciprocalRankFusionRerankerPlugin();
        var parameters = PluginParameters.Resolve(plugin.Info.Parameters);
        Assert.That(plugin.GetRequirements(parameters).FirstStageSources, Is.EqualTo(new[] { "dense", "bm25" }));
        Assert.That(parameters.GetDouble("k"), Is.EqualTo(60));
        Assert.That(plugin.Info.Citation, Does.Contain("cormack2009rrf"));
    }

    [Test]
    public void None_keeps_the_first_stage_order()
    {
        var docs = new[] { "x", "y", "z" }.Select(id => new Document(id, string.Empty, id)).ToList();
        var scores = new IdentityReranker().Score(Q, docs);
        Assert.That(scores, Is.EqualTo(new[] { 3.0, 2.0, 1.0 }));
        Assert.That(new IdentityReranker().Score(Q, []), Is.Empty);
    }

    [TestCaseSource(nameof(Plugins))]
    public void Both_pass_conformance(IRerankerPlugin plugin)
    {
        var results = RerankerConformance.Check(plugin);
        Assert.That(results.Where(r => r.Outcome == CheckOutcome.Failed), Is.Empty, string.Join("\n", results));
    }

    private static IEnumerable<IRerankerPlugin> Plugins() => [new IdentityRerankerPlugin(), new ReciprocalRankFusionRerankerPlugin()];
}
