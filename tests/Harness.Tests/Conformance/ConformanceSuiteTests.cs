using Harness.Abstractions.Datasets;
using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Rerankers;
using Harness.Conformance;
using Harness.Conformance.Datasets;
using Harness.Conformance.Losses;
using Harness.Conformance.NegativeSamplers;
using Harness.Conformance.Rerankers;
using Harness.Plugins.Losses;
using Harness.Plugins.NegativeSamplers;
using static TorchSharp.torch;

namespace Harness.Tests.Conformance;

public sealed class ConformanceSuiteTests
{
    private static CheckResult Result(IReadOnlyList<CheckResult> results, string check) => results.Single(r => r.Check == check);

    [Test]
    public void A_correct_loss_passes_every_check()
    {
        var results = LossConformance.Check(new InfoNceLossPlugin());
        Assert.That(results.Where(r => r.Outcome != CheckOutcome.Passed), Is.Empty, string.Join("\n", results));
        Assert.That(results.Select(r => r.Check), Does.Contain("a masked candidate changes neither the value nor gets a gradient")
            .And.Contain("an excluded in-batch column does not touch its row (no negative gradient through it)")
            .And.Contain("a zero weight removes a query's gradient")
            .And.Contain("multi-positive rows: finite, every positive gets a gradient, the loss falls when the second positive rises"));
    }

    [Test]
    public void A_loss_with_the_wrong_sign_fails_the_direction_checks()
    {
        // Rewards negatives and punishes positives: the mistake of swapping s_pos and s_neg.
        var results = LossConformance.Check("flipped", _ => new SignFlippedLoss());
        Assert.Multiple(() =>
        {
            Assert.That(Result(results, "decreases when a positive's score rises").Outcome, Is.EqualTo(CheckOutcome.Failed));
            Assert.That(Result(results, "decreases when a negative's score falls").Outcome, Is.EqualTo(CheckOutcome.Failed));
            Assert.That(Result(results, "returns a finite scalar").Outcome, Is.EqualTo(CheckOutcome.Passed));
        });
    }

    [Test]
    public void A_loss_that_weights_rows_by_position_fails_batch_order_invariance()
    {
        var results = LossConformance.Check("positional", _ => new PositionWeightedLoss());
        Assert.That(Result(results, "invariant to batch order").Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(Result(results, "decreases when a positive's score rises").Outcome, Is.EqualTo(CheckOutcome.Passed));
    }

    [Test]
    public void A_loss_that_detaches_the_documents_fails_the_gradient_check()
    {
        var results = LossConformance.Check("detached", _ => new DetachedDocumentsLoss());
        Assert.That(Result(results, "gradient reaches queries and documents").Message, Does.Contain("positives").And.Contain("negatives"));
    }

    [Test]
    public void A_loss_that_uses_unseeded_randomness_fails_determinism()
    {
        var results = LossConformance.Check("noisy", _ => new NoisyLoss());
        Assert.That(Result(results, "deterministic for a seed").Outcome, Is.EqualTo(CheckOutcome.Failed));
    }

    [Test]
    public void A_correct_sampler_passes_every_check()
    {
        var results = SamplerConformance.Check("random", _ => new RandomNegativeSampler());
        Assert.That(results.Where(r => r.Outcome != CheckOutcome.Passed), Is.Empty, string.Join("\n", results));
    }

    [Test]
    public void A_sampler_that_leaks_positives_is_caught()
    {
        var results = SamplerConformance.Check("leaky", _ => new LeakySampler());
        var leak = Result(results, "never returns a labelled positive");
        Assert.That(leak.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(leak.Message, Does.Contain("train-0->d00"));
    }

    [Test]
    public void A_sampler_that_repeats_documents_or_silently_returns_fewer_is_caught()
    {
        var results = SamplerConformance.Check("sloppy", _ => new RepeatingSampler());
        var consistent = Result(results, "each sample is consistent (count or a reason, distinct ids, metadata lengths, Dropped ∩ DocumentIds = ∅)");
        Assert.That(consistent.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(consistent.Message, Does.Contain("'d47' appears twice"));
        Assert.That(Result(results, "asked for the whole corpus, returns at most that and says why fewer").Message, Does.Contain("no Shortfall reason"));
    }

    [Test]
    public void A_sampler_with_its_own_clock_seeded_generator_fails_determinism()
    {
        var results = SamplerConformance.Check("unseeded", _ => new UnseededSampler());
        Assert.That(Result(results, "deterministic for a seed (a second instance gives the same negatives)").Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(Result(results, "SampleBatch equals per-query Sample with the same streams").Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(Result(results, "never returns a labelled positive").Outcome, Is.EqualTo(CheckOutcome.Passed));
    }

    [Test]
    public void A_reranker_that_drops_candidates_is_caught()
    {
        var results = RerankerConformance.Check("short", _ => new ShortReranker());
        Assert.That(Result(results, "returns a finite score for every candidate").Message, Does.Contain("12 candidates, 11 scores"));
    }

    [Test]
    public void The_conformance_dataset_itself_passes_the_dataset_checks()
    {
        var results = Harness.Conformance.Datasets.DatasetConformance.Check("conformance", _ => new ConformanceDataset());
        Assert.That(results.Where(r => r.Outcome != CheckOutcome.Passed), Is.Empty, string.Join("\n", results));
    }

    [Test]
    public void A_dataset_whose_splits_overlap_and_whose_qrels_dangle_is_caught()
    {
        var results = Harness.Conformance.Datasets.DatasetConformance.Check("broken", _ => new BrokenDataset());
        Assert.Multiple(() =>
        {
            Assert.That(Result(results, "query ids are unique and splits are disjoint").Message, Is.EqualTo("query 'q1' is in both Train and Test"));
            Assert.That(Result(results, "every judged id resolves").Message, Does.Contain("document 'ghost'"));
            Assert.That(Result(results, "document ids are unique and non-empty").Message, Is.EqualTo("document id 'a' appears twice"));
        });
    }

    [Test]
    public void A_dataset_plugin_that_needs_a_path_is_skipped_not_failed()
    {
        var results = Harness.Conformance.Datasets.DatasetConformance.Check("needs-path", _ => throw new PluginParameterException("parameter 'path' is required"));
        Assert.That(results.Single().Outcome, Is.EqualTo(CheckOutcome.Skipped));
    }

    [Test]
    public void A_dataset_whose_files_are_not_on_this_machine_is_skipped_with_the_reason()
    {
        var results = Harness.Conformance.Datasets.DatasetConformance.Check("needs-index", _ => throw new DatasetUnavailableException("no index; run scripts/fetch-debian-index.sh"));
        Assert.That(results.Single().Outcome, Is.EqualTo(CheckOutcome.Skipped));
        Assert.That(results.Single().Message, Is.EqualTo("data not available: no index; run scripts/fetch-debian-index.sh"));
    }

    [Test]
    public void The_suite_dispatches_on_kind_and_checks_metadata_first()
    {
        var report = ConformanceSuite.Check(new RandomNegativeSamplerPlugin());
        Assert.That(report.Passed, Is.True, report.ToString());
        Assert.That(report.Results[0].Check, Is.EqualTo("metadata is valid"));
        Assert.That(report.Results.Select(r => r.Check), Does.Contain("never returns a labelled positive"));
    }

    private sealed class SignFlippedLoss : ILoss
    {
        public Tensor Compute(LossBatch batch)
        {
            var s = batch.Queries.unsqueeze(1).mul(batch.Documents).sum(2);
            var pos = batch.Labels.gt(0).to_type(ScalarType.Float32);
            return ((s * pos).sum() - (s * (1 - pos)).sum()) / batch.BatchSize;
        }
    }

    private sealed class PositionWeightedLoss : ILoss
    {
        public Tensor Compute(LossBatch batch)
        {
            var s = batch.Queries.unsqueeze(1).mul(batch.Documents).sum(2);
            var perRow = nn.functional.softplus(s[.., 1..] - s[.., ..1]).mean(dimensions: [1]);
            var weights = arange(1, batch.BatchSize + 1, dtype: ScalarType.Float32);
            return (perRow * weights).sum() / weights.sum();
        }
    }

    private sealed class DetachedDocumentsLoss : ILoss
    {
        public Tensor Compute(LossBatch batch)
        {
            var s = batch.Queries.unsqueeze(1).mul(batch.Documents.detach()).sum(2);
            return nn.functional.softplus(s[.., 1..] - s[.., ..1]).mean();
        }
    }

    private sealed class NoisyLoss : ILoss
    {
        public Tensor Compute(LossBatch batch)
        {
            var s = batch.Queries.unsqueeze(1).mul(batch.Documents).sum(2);
            return nn.functional.softplus(s[.., 1..] - s[.., ..1]).mean() + (rand(1)[0] * 1e-3);
        }
    }

    private sealed class LeakySampler : INegativeSampler
    {
        private ITrainingData _data = null!;

        public void Prepare(NegativeSamplerSetup setup) => _data = setup.Training;

        // Takes the first documents of the corpus, positives included.
        public NegativeSample Sample(Query query, int count, Random random) =>
            new(_data.Corpus.Take(count).Select(d => d.Id).ToList());
    }

    private sealed class RepeatingSampler : INegativeSampler
    {
        public void Prepare(NegativeSamplerSetup setup)
        {
        }

        public NegativeSample Sample(Query query, int count, Random random) =>
            new(count >= 40 ? ["d47"] : Enumerable.Repeat("d47", count).ToList());
    }

    private sealed class UnseededSampler : INegativeSampler
    {
        private readonly Random _own = new();
        private RandomNegativeSampler _inner = new();

        public void Prepare(NegativeSamplerSetup setup)
        {
            _inner = new RandomNegativeSampler();
            _inner.Prepare(setup);
        }

        public NegativeSample Sample(Query query, int count, Random random) => _inner.Sample(query, count, _own);
    }

    private sealed class ShortReranker : IReranker
    {
        public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates) =>
            candidates.Skip(1).Select(_ => 1.0).ToList();
    }

    private sealed class BrokenDataset : IDataset
    {
        public string Name => "broken";

        public string ContentHash => new('a', 64);

        public IReadOnlyList<Document> Corpus { get; } = [new("a", "", "x"), new("a", "", "y")];

        public IReadOnlyList<Split> Splits { get; } = [Split.Train, Split.Test];

        public IReadOnlyList<Query> GetQueries(Split split) => [new("q1", "x")];

        public Qrels GetQrels(Split split) => new Qrels.Builder().Add("q1", "ghost", 1).Build();

        public Qrels GetHiddenPositives(Split split) => Qrels.Empty;
    }
}
