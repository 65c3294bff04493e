using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Services;
using Harness.Abstractions.Similarity;
using Harness.Core.Hosting;
using Harness.Plugins.NegativeSamplers;
using Harness.Tests.Support;
using Harness.Training;

namespace Harness.Tests.Training;

[NonParallelizable]
public sealed class DenseMiningTests
{
    [Test]
    public void A_mining_sampler_is_sampled_on_the_training_thread_with_the_index_refreshed_per_its_policy()
    {
        using var encoder = TrainingFixture.Encoder();
        var miner = new CountingMiner();
        var sampler = new ThreadRecordingSampler();
        sampler.Prepare(new NegativeSamplerSetup(TrainingFixture.Training, new SamplerServices { DenseMiner = miner }));
        var versions = new List<long>();
        var setup = TrainingFixture.Setup(encoder) with
        {
            Sampler = sampler,
            DenseMiner = miner,
            SamplerRequirements = new SamplerRequirements { Needs = SamplerNeeds.DenseMiner, Refresh = RefreshPolicy.EverySteps, RefreshInterval = 5 },
            ModelVersionChanged = v => { versions.Add(v); miner.ModelVersion = v; },
        };
        var result = new Trainer(TrainingFixture.Options(epochs: 2)).Train(setup);

        // 320 training queries / 16 = 20 steps per epoch: versions 0..40; rebuilt before epoch 0 and after every
        // 5th step (5, 10, ..., 40), each time at the model version of the step just applied.
        Assert.That(result.Steps, Is.EqualTo(40));
        Assert.That(versions, Is.EqualTo(Enumerable.Range(0, 41).Select(i => (long)i)));
        Assert.That(miner.RebuiltAt, Is.EqualTo(new long[] { 0, 5, 10, 15, 20, 25, 30, 35, 40 }));
        Assert.That(sampler.Threads.Distinct(), Is.EqualTo(new[] { Environment.CurrentManagedThreadId }));
        Assert.That(sampler.Epochs, Is.EqualTo(new[] { new SamplerEpoch(0, 0, 0), new SamplerEpoch(1, 20, 20) }));
    }

    [TestCase(RefreshPolicy.EverySteps, 3, 5, 13)]
    [TestCase(RefreshPolicy.EverySteps, 5, 5, 12)]
    [TestCase(RefreshPolicy.EveryEpochs, 1, 5, 27)]
    [TestCase(RefreshPolicy.EveryEpochs, 1, 20, 25)]
    public void A_dense_mining_run_resumed_from_a_checkpoint_equals_an_uninterrupted_one(RefreshPolicy refresh, int interval, int checkpointEvery, int cutAt)
    {
        using var dir = new TempDirectory();
        var options = TrainingFixture.Options(epochs: 2) with { CheckpointEverySteps = checkpointEvery };
        var requirements = new SamplerRequirements { Needs = SamplerNeeds.DenseMiner, Refresh = refresh, RefreshInterval = interval };

        TrainingResult Run(IEncoder encoder, string folder, CancellationToken token = default, Action<TrainingCurveRow>? onStep = null)
        {
            using var miner = new EncoderDenseMiner(encoder, TrainingFixture.Training, SimilarityFunction.Cosine);
            var sampler = new DenseDynamicNegativeSampler(depth: 30, uniform: true, skipTop: 0);
            sampler.Prepare(new NegativeSamplerSetup(TrainingFixture.Training, new SamplerServices { DenseMiner = miner }));
            var setup = TrainingFixture.Setup(encoder, token: token) with
            {
                Sampler = sampler,
                DenseMiner = miner,
                SamplerRequirements = requirements,
                ModelVersionChanged = v => miner.ModelVersion = v,
                OnStep = onStep,
            };
            return new Trainer(options with { CheckpointDirectory = dir.Combine(folder) }).Train(setup);
        }

        using var whole = TrainingFixture.Encoder();
        var uninterrupted = Run(whole, "whole");

        using var cts = new CancellationTokenSource();
        using (var first = TrainingFixture.Encoder())
        {
            Assert.Throws<OperationCanceledException>(() => Run(first, "cut", cts.Token, row => { if (row.Step == cutAt) { cts.Cancel(); } }));
        }

        using var resumed = TrainingFixture.Encoder(seed: 99);
        var result = Run(resumed, "cut");

        Assert.That(result.ResumedFromStep, Is.EqualTo(cutAt / checkpointEvery * checkpointEvery));
        Assert.That(result.Negatives.Select(n => (n.Step, n.QueryId, string.Join(",", n.Sample.DocumentIds), n.Sample.MinedAtModelVersion)),
            Is.EqualTo(uninterrupted.Negatives.Select(n => (n.Step, n.QueryId, string.Join(",", n.Sample.DocumentIds), n.Sample.MinedAtModelVersion))));
        Assert.That(result.Curve.Select(r => r.Loss), Is.EqualTo(uninterrupted.Curve.Select(r => r.Loss)));
        Assert.That(TrainingFixture.Weights(resumed), Is.EqualTo(TrainingFixture.Weights(whole)));
    }

    [Test]
    public void A_mining_sampler_without_a_miner_is_refused()
    {
        using var encoder = TrainingFixture.Encoder();
        var setup = TrainingFixture.Setup(encoder) with { SamplerRequirements = new SamplerRequirements { Needs = SamplerNeeds.DenseMiner } };
        var e = Assert.Throws<TrainingSetupException>(() => new Trainer(TrainingFixture.Options(epochs: 1)).Train(setup));
        Assert.That(e!.Message, Is.EqualTo("sampler RandomNegativeSampler needs a dense miner, and none was given to the trainer"));
    }

    private sealed class CountingMiner : IDenseMiner
    {
        public List<long> RebuiltAt { get; } = [];

        public SimilarityFunction Similarity => SimilarityFunction.Cosine;

        public long ModelVersion { get; set; }

        public long IndexVersion { get; private set; } = -1;

        public void RebuildIndex(CancellationToken cancellationToken = default)
        {
            IndexVersion = ModelVersion;
            RebuiltAt.Add(ModelVersion);
        }

        public IReadOnlyList<IReadOnlyList<ScoredCandidate>> Search(IReadOnlyList<Query> queries, int depth, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IReadOnlyList<double> Score(Query query, IReadOnlyList<string> documentIds) => throw new NotSupportedException();
    }

    /// <summary>Random negatives, recording the thread of every SampleBatch call and every BeginEpoch.</summary>
    private sealed class ThreadRecordingSampler : INegativeSampler
    {
        private readonly RandomNegativeSampler _inner = new();

        public List<int> Threads { get; } = [];

        public List<SamplerEpoch> Epochs { get; } = [];

        public void Prepare(NegativeSamplerSetup setup) => _inner.Prepare(setup);

        public void BeginEpoch(SamplerEpoch epoch) => Epochs.Add(epoch);

        public NegativeSample Sample(Query query, int count, Random random) => _inner.Sample(query, count, random);

        public IReadOnlyList<NegativeSample> SampleBatch(SampleBatchRequest request)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            return request.Queries.Select(q => _inner.Sample(q, request.Count, request.RandomFor(q))).ToList();
        }
    }
}
