using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Abstractions.Similarity;
using Harness.Conformance;
using Harness.Conformance.Datasets;
using Harness.Conformance.Encoders;
using Harness.Conformance.Losses;
using Harness.Conformance.NegativeSamplers;
using Harness.Conformance.Rerankers;
using Harness.Plugins.Encoders;
using Harness.Plugins.Losses;
using Harness.Plugins.NegativeSamplers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Tests.Conformance;

/// <summary>
/// Each check added with contract 2.0 catches a deliberately broken fixture: a sampler that peeks at hidden positives,
/// one whose Dropped overlaps its negatives, one with its own positive threshold; a loss that ignores the mask, the
/// weights or the in-batch exclusions, one whose module gets no gradient; an encoder whose reloaded state differs; a
/// dataset whose hash is not the canonical one; a reranker whose request form disagrees with its list form.
/// </summary>
public sealed class Contract2CheckTests
{
    private const string Blind = "blind check: identical output when the hidden positives are reachable behind the view";
    private const string Consistent = "each sample is consistent (count or a reason, distinct ids, metadata lengths, Dropped ∩ DocumentIds = ∅)";
    private const string Grade = "uses the view's PositiveGrade as the one definition of a labelled positive";

    private static CheckResult Result(IReadOnlyList<CheckResult> results, string check) => results.Single(r => r.Check == check);

    [Test]
    public void A_sampler_that_peeks_at_the_hidden_positives_fails_the_blind_check()
    {
        var results = SamplerConformance.Check("peeking", _ => new PeekingSampler());
        var blind = Result(results, Blind);
        Assert.That(blind.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(blind.Message, Does.Contain("looks past ITrainingData"));

        // Everything else passes: the peek is invisible to the per-sample checks.
        Assert.That(results.Where(r => r.Check != Blind && r.Outcome != CheckOutcome.Passed), Is.Empty, string.Join("\n", results));
    }

    [Test]
    public void A_sampler_whose_dropped_ids_overlap_its_negatives_is_caught()
    {
        var results = SamplerConformance.Check("overlapping", _ => new OverlappingDroppedSampler());
        Assert.That(Result(results, Consistent).Message, Does.Contain("Dropped overlaps the negatives"));
    }

    [Test]
    public void A_sampler_with_metadata_of_the_wrong_length_is_caught()
    {
        var results = SamplerConformance.Check("short-metadata", _ => new ShortMetadataSampler());
        Assert.That(Result(results, Consistent).Message, Does.Contain("Ranks has 1 entries for 5 negatives"));
    }

    [Test]
    public void A_sampler_with_its_own_positive_threshold_fails_the_grade_check()
    {
        var results = SamplerConformance.Check("own-threshold", _ => new OwnThresholdSampler());
        var grade = Result(results, Grade);
        Assert.That(grade.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(grade.Message, Does.Contain("own threshold"));
    }

    [Test]
    public void The_bm25_sampler_passes_with_the_fake_lexical_service_it_declares()
    {
        var report = ConformanceSuite.Check(new Bm25NegativeSamplerPlugin());
        Assert.That(report.Passed, Is.True, report.ToString());
        Assert.That(report.Results.Where(r => r.Outcome == CheckOutcome.Skipped), Is.Empty);
    }

    [Test]
    public void A_sampler_that_needs_a_service_it_did_not_declare_fails_to_prepare()
    {
        // The bm25 sampler declaring nothing gets no Lexical service.
        var results = SamplerConformance.Check("undeclared", _ => new Bm25NegativeSampler(10, 0, false, true, NullMetricsSink.Instance), SamplerRequirements.None);
        var prepare = Result(results, "prepares with the training view and only its declared services");
        Assert.That(prepare.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(prepare.Message, Does.Contain("no Lexical service"));
    }

    [Test]
    public void A_loss_that_ignores_the_mask_is_caught()
    {
        var results = LossConformance.Check("mask-blind", _ => new Stripping(new InfoNceLoss(0.1, SimilarityFunction.Cosine, false), mask: true), Declares(LossFeatures.Mask));
        var check = Result(results, "a masked candidate changes neither the value nor gets a gradient");
        Assert.That(check.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(check.Message, Does.Contain("changed the loss"));
    }

    [Test]
    public void A_loss_that_ignores_the_weights_is_caught()
    {
        var results = LossConformance.Check("weight-blind", _ => new Stripping(new InfoNceLoss(0.1, SimilarityFunction.Cosine, false), weights: true), Declares(LossFeatures.Weights));
        Assert.That(Result(results, "a zero weight removes a query's gradient").Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(Result(results, "all-ones weights ([B] and [B,M]) equal no weights").Outcome, Is.EqualTo(CheckOutcome.Passed));
    }

    [Test]
    public void A_loss_that_ignores_in_batch_exclusions_is_caught()
    {
        var caps = Declares(LossFeatures.InBatchExcluded | LossFeatures.InBatchNegatives);
        var results = LossConformance.Check("exclusion-blind", _ => new Stripping(new InfoNceLoss(0.1, SimilarityFunction.Cosine, true), exclusions: true), caps);
        Assert.That(Result(results, "an excluded in-batch column does not touch its row (no negative gradient through it)").Message, Does.Contain("changed when its excluded in-batch column moved"));
    }

    [Test]
    public void A_loss_whose_score_stage_disagrees_with_its_embedding_stage_is_caught()
    {
        var caps = new LossCapabilities(LossFeatures.Scores) { Similarity = SimilarityFunction.Dot };
        var results = LossConformance.Check("mismatched", _ => new InfoNceLoss(0.1, SimilarityFunction.Cosine, false), caps);
        Assert.That(Result(results, "the score stage equals the embedding stage (IScoreLoss.Compute(LossMath.ToScores(batch)) = ILoss.Compute(batch))").Outcome, Is.EqualTo(CheckOutcome.Failed));
    }

    [Test]
    public void A_learnable_temperature_gets_a_gradient_and_a_dead_module_is_caught()
    {
        var learnable = LossConformance.Check("learnable", _ => new InfoNceLoss(0.1, SimilarityFunction.Cosine, true, learnableTemperature: true));
        Assert.That(Result(learnable, "the loss's learnable module gets a gradient").Outcome, Is.EqualTo(CheckOutcome.Passed));

        var dead = LossConformance.Check("dead", _ => new DeadModuleLoss());
        Assert.That(Result(dead, "the loss's learnable module gets a gradient").Outcome, Is.EqualTo(CheckOutcome.Failed));
    }

    [Test]
    public void An_encoder_whose_reloaded_state_differs_is_caught()
    {
        var results = EncoderConformance.Check("forgetful", ctx => new ForgetfulEncoder(new HashedBagOfWordsEncoder(8, 64, 0, ctx.Seed, ctx.Device)));
        var check = Result(results, "Save then Load into an instance created with another seed gives identical embeddings");
        Assert.That(check.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(check.Message, Does.Contain("differ after Save/Load"));
    }

    [Test]
    public void An_encoder_declaring_two_towers_without_role_parameters_is_caught()
    {
        var results = EncoderConformance.Check("towers", ctx => new HashedBagOfWordsEncoder(8, 64, 0, ctx.Seed, ctx.Device), new EncoderTraits { SharedTower = false });
        Assert.That(Result(results, "role parameters agree with the traits (disjoint towers, or one shared tower)").Message, Does.Contain("declares two towers"));
    }

    [Test]
    public void The_built_in_encoder_round_trips_its_state_and_keeps_its_device()
    {
        var report = ConformanceSuite.Check(new HashedBagOfWordsEncoderPlugin(), PluginParameters.Resolve(new HashedBagOfWordsEncoderPlugin().Info.Parameters, new Dictionary<string, object?> { ["buckets"] = 4096, ["dim"] = 16 }));
        Assert.That(report.Passed, Is.True, report.ToString());
        Assert.That(report.Results.Select(r => r.Check), Does.Contain("output is on the parameters' device"));
    }

    [Test]
    public void A_dataset_whose_hash_is_not_canonical_is_caught()
    {
        var results = DatasetConformance.Check("home-made-hash", _ => new HomeMadeHashDataset());
        var check = Result(results, "content hash is the canonical hash (DatasetContentHash.Compute)");
        Assert.That(check.Outcome, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(check.Message, Does.Contain(new ConformanceDataset().ContentHash));
        Assert.That(Result(results, "content hash is a SHA-256 and stable").Outcome, Is.EqualTo(CheckOutcome.Passed));
    }

    [Test]
    public void A_reranker_whose_request_form_disagrees_with_its_list_form_is_caught()
    {
        var results = RerankerConformance.Check("two-faced", _ => new TwoFacedReranker());
        Assert.That(Result(results, "Score(RerankRequest) equals Score(query, documents)").Outcome, Is.EqualTo(CheckOutcome.Failed));
    }

    [Test]
    public void A_reranker_declaring_trainable_without_the_interface_is_caught()
    {
        var results = RerankerConformance.Check("not-trainable", _ => new TwoFacedReranker(), new RerankerRequirements { Trainable = true });
        Assert.That(Result(results, "implements ITrainableReranker").Outcome, Is.EqualTo(CheckOutcome.Failed));
    }

    private static LossCapabilities Declares(LossFeatures features) => new(features) { Similarity = SimilarityFunction.Cosine };

    /// <summary>Random negatives that also avoid the hidden positives when it can reach them: the honour-system leak.</summary>
    private sealed class PeekingSampler : INegativeSampler
    {
        private readonly RandomNegativeSampler _inner = new();
        private Qrels _hidden = Qrels.Empty;

        public void Prepare(NegativeSamplerSetup setup)
        {
            _inner.Prepare(setup);
            if (setup.Training is IDataset full)
            {
                _hidden = full.GetHiddenPositives(Split.Train);
            }
        }

        public NegativeSample Sample(Query query, int count, Random random) =>
            _inner.SampleExcluding(query, count, random, _hidden.For(query.Id).Keys.ToList());
    }

    private sealed class OverlappingDroppedSampler : INegativeSampler
    {
        private readonly RandomNegativeSampler _inner = new();

        public void Prepare(NegativeSamplerSetup setup) => _inner.Prepare(setup);

        public NegativeSample Sample(Query query, int count, Random random)
        {
            var s = _inner.Sample(query, count, random);
            return s with { Dropped = s.DocumentIds.Take(1).ToList() };
        }
    }

    private sealed class ShortMetadataSampler : INegativeSampler
    {
        private readonly RandomNegativeSampler _inner = new();

        public void Prepare(NegativeSamplerSetup setup) => _inner.Prepare(setup);

        public NegativeSample Sample(Query query, int count, Random random) => _inner.Sample(query, count, random) with { Ranks = [0] };
    }

    /// <summary>Excludes every judged document with grade ≥ 1, whatever the view's PositiveGrade says.</summary>
    private sealed class OwnThresholdSampler : INegativeSampler
    {
        private readonly RandomNegativeSampler _inner = new();
        private ITrainingData _training = null!;

        public void Prepare(NegativeSamplerSetup setup)
        {
            _inner.Prepare(setup);
            _training = setup.Training;
        }

        public NegativeSample Sample(Query query, int count, Random random) =>
            _inner.SampleExcluding(query, count, random, _training.Judgments.Relevant(query.Id, 1));
    }

    /// <summary>Wraps a loss and drops optional fields before it sees them: a loss that declares more than it honours.</summary>
    private sealed class Stripping(ILoss inner, bool mask = false, bool weights = false, bool exclusions = false) : ILoss
    {
        public Tensor Compute(LossBatch batch) => inner.Compute(batch with
        {
            Mask = mask ? null : batch.Mask,
            Weights = weights ? null : batch.Weights,
            InBatchExcluded = exclusions ? null : batch.InBatchExcluded,
        });
    }

    private sealed class DeadModuleLoss : ILoss
    {
        private readonly InfoNceLoss _inner = new(0.1, SimilarityFunction.Cosine, false);
        private readonly Linear _unused = nn.Linear(2, 2);

        public nn.Module? Module => _unused;

        public Tensor Compute(LossBatch batch) => _inner.Compute(batch);
    }

    /// <summary>Saves nothing and loads nothing: an instance with another seed keeps its own weights.</summary>
    private sealed class ForgetfulEncoder(HashedBagOfWordsEncoder inner) : IEncoder
    {
        public int Dimension => inner.Dimension;

        public nn.Module Module => inner;

        public Tensor Encode(IReadOnlyList<string> texts, TextRole role) => inner.Encode(texts, role);

        public void Save(string directory)
        {
        }

        public void Load(string directory)
        {
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class HomeMadeHashDataset : IDataset
    {
        private readonly ConformanceDataset _inner = new();

        public string Name => "home-made";

        public string ContentHash => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("my own serialisation"u8));

        public IReadOnlyList<Document> Corpus => _inner.Corpus;

        public IReadOnlyList<Split> Splits => _inner.Splits;

        public IReadOnlyList<Query> GetQueries(Split split) => _inner.GetQueries(split);

        public Qrels GetQrels(Split split) => _inner.GetQrels(split);

        public Qrels GetHiddenPositives(Split split) => _inner.GetHiddenPositives(split);
    }

    private sealed class TwoFacedReranker : IReranker
    {
        public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates) => candidates.Select(d => (double)d.Text.Length).ToList();

        public IReadOnlyList<double> Score(RerankRequest request) => request.Candidates.Select(c => -(double)c.Document.Text.Length).ToList();
    }
}
