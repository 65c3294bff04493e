using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Similarity;
using Harness.Conformance.Datasets;
using Harness.Core.Hosting;
using Harness.Plugins.Encoders;
using static TorchSharp.torch;

namespace Harness.Tests.Core.Hosting;

/// <summary>Dense mining over the encoder being trained: exact results, no gradient, training mode restored, versions.</summary>
public sealed class EncoderDenseMinerTests
{
    [Test]
    public void Mining_matches_brute_force_scores_restores_training_mode_and_records_versions()
    {
        var view = TrainingDataView.Create(new ConformanceDataset());
        using var encoder = new HashedBagOfWordsEncoder(16, 1024, 3, 5, CPU);
        encoder.Module.train();
        using var miner = new EncoderDenseMiner(encoder, view, SimilarityFunction.Cosine, batchSize: 7);
        Assert.That(miner.IndexVersion, Is.EqualTo(-1));

        miner.ModelVersion = 12;
        var hits = miner.Search([view.Queries[0], view.Queries[1]], 5);
        Assert.That(miner.IndexVersion, Is.EqualTo(12), "the first search builds the index at the current version");
        Assert.That(encoder.Module.training, Is.True, "training mode restored");

        using (no_grad())
        {
            encoder.Module.eval();
            var q = encoder.Encode([view.Queries[0].Text], TextRole.Query);
            var d = encoder.Encode(view.Corpus.Select(x => x.FullText).ToList(), TextRole.Document);
            var s = SimilarityMath.Matrix(q, d, SimilarityFunction.Cosine)[0].data<float>().ToArray();
            encoder.Module.train();
            var expected = Enumerable.Range(0, s.Length).OrderByDescending(i => s[i]).ThenBy(i => i).Take(5).Select(i => view.Corpus[i].Id);
            Assert.That(hits[0].Select(h => h.DocumentId), Is.EqualTo(expected));
            Assert.That(hits[0][0].Score, Is.EqualTo(s.Max()).Within(1e-5));
            var scored = miner.Score(view.Queries[0], [hits[0][0].DocumentId]);
            Assert.That(scored[0], Is.EqualTo(hits[0][0].Score).Within(1e-5));
        }

        miner.ModelVersion = 20;
        miner.Search([view.Queries[0]], 1);
        Assert.That(miner.IndexVersion, Is.EqualTo(12), "searching does not rebuild a stale index");
        miner.RebuildIndex();
        Assert.That(miner.IndexVersion, Is.EqualTo(20));
        Assert.That(encoder.Module.parameters().All(p => p.grad is null), Is.True, "mining builds no graph");
    }
}
