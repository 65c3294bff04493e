using Harness.Abstractions.Datasets;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Training;
using Harness.Training.Batching;

namespace Harness.Tests.Training;

public sealed class TrainingBatchBuilderTests
{
    // q1 has two labelled positives (d1, d2); q2's positive d1 is also q1's; q3's positive d3 is one of q1's
    // negatives; q3's sampler falls one short; q4's only judgment has grade 0 (not a labelled positive).
    private static readonly ITrainingData Data = Tiny(
        ["d1", "d2", "d3", "d4", "d5", "d6", "d7"],
        [("q1", "d1", 1), ("q1", "d2", 1), ("q2", "d1", 2), ("q3", "d3", 1), ("q4", "d4", 0)]);

    private static readonly LossCapabilities Masking = new(LossFeatures.Mask | LossFeatures.InBatchExcluded | LossFeatures.InBatchNegatives);

    private static readonly FixedSampler Negatives = new(new Dictionary<string, string[]>
    {
        ["q1"] = ["d3", "d4"],
        ["q2"] = ["d2", "d5"],
        ["q3"] = ["d6"],
    });

    [Test]
    public void In_batch_exclusions_come_from_ids_and_training_judgments_only()
    {
        var builder = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 8, Negatives = 2 }, Data, Negatives, new PluginContext(3), Masking, SamplerRequirements.None);
        Assert.That(builder.Examples.Select(e => e.Query.Id), Is.EqualTo(new[] { "q1", "q2", "q3" }), "q4 has no labelled positive (grade 0)");
        var step = builder.Build(0, builder.Order(0), 0, 1);
        var mb = step.MicroBatches.Single();
        Assert.That(mb.Count, Is.EqualTo(3));
        var ids = mb.Rows.SelectMany(r => r.PositiveIds.Concat(r.Sample.DocumentIds).Concat(Enumerable.Repeat<string?>(null, 2 - r.Sample.DocumentIds.Count))).ToList();

        // Labels: the positive's grade in column 0, negatives 0; the mask is false only for q3's missing negative.
        for (var i = 0; i < 3; i++)
        {
            var row = mb.Rows[i];
            var grade = row.QueryId == "q2" ? 2f : 1f;
            Assert.That(mb.Labels.Skip(i * 3).Take(3), Is.EqualTo(new[] { grade, 0f, 0f }));
            Assert.That(mb.Mask.Skip(i * 3).Take(3), Is.EqualTo(new[] { true, true, row.QueryId != "q3" }));
        }

        // Excluded per row, in the other rows' blocks (a row's own block is decided by its labels), by hand:
        // q1 → d1, d2 (its labelled positives) and padding; q2 → d1 and padding (d2 is not a labelled positive of
        // q2); q3 → d3 and padding.
        var byHand = new Dictionary<string, string?[]> { ["q1"] = ["d1", "d2", null], ["q2"] = ["d1", null], ["q3"] = ["d3", null] };
        var excluded = mb.InBatchExcluded!.data<bool>().ToArray();
        for (var i = 0; i < 3; i++)
        {
            var expected = ids.Select((id, j) => j / 3 != i && byHand[mb.Rows[i].QueryId].Contains(id)).ToArray();
            Assert.That(excluded.Skip(i * 9).Take(9), Is.EqualTo(expected), mb.Rows[i].QueryId);
        }
    }

    [Test]
    public void Without_a_mask_a_row_with_a_shortfall_is_recorded_unused()
    {
        var builder = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 8, Negatives = 2 }, Data, Negatives, new PluginContext(3), LossCapabilities.None, SamplerRequirements.None);
        var step = builder.Build(0, builder.Order(0), 0, 1);
        Assert.That(step.MicroBatches.Single().Rows.Select(r => r.QueryId).Order(), Is.EqualTo(new[] { "q1", "q2" }));
        Assert.That(step.Dropped.Single().QueryId, Is.EqualTo("q3"));
        Assert.That(step.Dropped.Single().Used, Is.False);
    }

    [Test]
    public void A_sampler_returning_a_labelled_positive_is_named()
    {
        var bad = new FixedSampler(new Dictionary<string, string[]> { ["q1"] = ["d2", "d4"], ["q2"] = ["d4", "d5"], ["q3"] = ["d4", "d5"] });
        var builder = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 8, Negatives = 2 }, Data, bad, new PluginContext(3), Masking, SamplerRequirements.None);
        var e = Assert.Throws<InvalidOperationException>(() => builder.Build(0, builder.Order(0), 0, 1));
        Assert.That(e!.Message, Is.EqualTo("sampler FixedSampler returned the labelled positive 'd2' as a negative of query 'q1'"));

        var twice = new FixedSampler(new Dictionary<string, string[]> { ["q1"] = ["d4", "d4"], ["q2"] = ["d4", "d5"], ["q3"] = ["d4", "d5"] });
        builder = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 8, Negatives = 2 }, Data, twice, new PluginContext(3), Masking, SamplerRequirements.None);
        e = Assert.Throws<InvalidOperationException>(() => builder.Build(0, builder.Order(0), 0, 1));
        Assert.That(e!.Message, Is.EqualTo("sampler FixedSampler, query 'q1': negative 'd4' appears twice"));
    }

    [Test]
    public void In_batch_only_samplers_and_warm_up_epochs_get_no_sampled_candidates()
    {
        var inBatchOnly = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 8, Negatives = 2 }, Data, Negatives, new PluginContext(3), Masking, new SamplerRequirements { Needs = SamplerNeeds.InBatchOnly });
        Assert.That(inBatchOnly.Build(0, inBatchOnly.Order(0), 0, 1).MicroBatches.Single().CandidatesPerQuery, Is.EqualTo(1));
        var warm = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 8, Negatives = 2 }, Data, Negatives, new PluginContext(3), Masking, new SamplerRequirements { WarmupEpochs = 1 });
        Assert.That(warm.Build(0, warm.Order(0), 0, 1).MicroBatches.Single().CandidatesPerQuery, Is.EqualTo(1));
        Assert.That(warm.Build(1, warm.Order(1), 0, 2).MicroBatches.Single().CandidatesPerQuery, Is.EqualTo(3));
    }

    [Test]
    public void Rows_do_not_depend_on_the_batch_size()
    {
        var small = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 1, Negatives = 2 }, Data, Negatives, new PluginContext(3), Masking, SamplerRequirements.None);
        var large = new TrainingBatchBuilder(new TrainingOptions { BatchSize = 3, Negatives = 2 }, Data, Negatives, new PluginContext(3), Masking, SamplerRequirements.None);
        var a = Enumerable.Range(0, 3).SelectMany(s => small.Build(1, small.Order(1), s, s + 1).MicroBatches.SelectMany(m => m.Rows)).Select(r => (r.QueryId, r.PositiveIds[0]));
        var b = large.Build(1, large.Order(1), 0, 1).MicroBatches.SelectMany(m => m.Rows).Select(r => (r.QueryId, r.PositiveIds[0]));
        Assert.That(a, Is.EqualTo(b));
    }

    private sealed class FixedSampler(Dictionary<string, string[]> negatives) : INegativeSampler
    {
        public void Prepare(NegativeSamplerSetup setup)
        {
        }

        public NegativeSample Sample(Query query, int count, Random random)
        {
            var ids = negatives[query.Id].Take(count).ToList();
            return new NegativeSample(ids, ids.Count < count ? $"only {ids.Count}" : null);
        }
    }

    private static ITrainingData Tiny(string[] documents, (string Query, string Document, int Grade)[] judgments)
    {
        var qrels = new Qrels.Builder();
        foreach (var (q, d, g) in judgments)
        {
            qrels.Add(q, d, g);
        }

        return TrainingDataView.FromParts(
            "tiny",
            documents.Select(d => new Document(d, string.Empty, "text of " + d)).ToList(),
            judgments.Select(j => j.Query).Distinct().Select(q => new Query(q, "query " + q)).ToList(),
            qrels.Build());
    }
}
