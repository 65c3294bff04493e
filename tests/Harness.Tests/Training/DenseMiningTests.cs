using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Services;
using Harness.Abstractions.Similarity;
using Harness.Plugins.NegativeSamplers;
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
