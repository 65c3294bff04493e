using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.Similarity;
using Harness.Plugins.Losses;
using Harness.Tests.Support;
using Harness.Training;
using static TorchSharp.torch;

namespace Harness.Tests.Training;

[NonParallelizable]
public sealed class TrainerTests
{
    [Test]
    public void Training_hashed_bow_with_infonce_and_random_beats_the_untrained_encoder()
    {
        using var untrained = TrainingFixture.Encoder();
        var before = TrainingFixture.Evaluate(untrained)["nDCG@10"];

        using var encoder = TrainingFixture.Encoder();
        var result = new Trainer(TrainingFixture.Options(epochs: 12)).Train(TrainingFixture.Setup(encoder));
        var after = TrainingFixture.Evaluate(encoder)["nDCG@10"];
        TestContext.Out.WriteLine($"nDCG@10 untrained {before:F4} trained {after:F4}, steps {result.Steps}, loss {result.Curve[0].Loss:F3} -> {result.Curve[^1].Loss:F3}");

        Assert.That(result.Status, Is.EqualTo(TrainingStatus.Complete));
        Assert.That(result.Steps, Is.EqualTo(240));
        Assert.That(result.Curve.Select(r => r.Step), Is.EqualTo(Enumerable.Range(1, 240).Select(i => (long)i)));
        Assert.That(after, Is.GreaterThan(before + 0.1));
    }

    [Test]
    public void The_same_configuration_twice_gives_identical_weights_and_per_query_metrics()
    {
        using var a = TrainingFixture.Encoder();
        using var b = TrainingFixture.Encoder();
        var ra = new Trainer(TrainingFixture.Options() with { PrefetchSteps = 1 }).Train(TrainingFixture.Setup(a));
        var rb = new Trainer(TrainingFixture.Options() with { PrefetchSteps = 8 }).Train(TrainingFixture.Setup(b));

        Assert.That(TrainingFixture.Weights(b), Is.EqualTo(TrainingFixture.Weights(a)));
        Assert.That(rb.Curve.Select(r => r.Loss), Is.EqualTo(ra.Curve.Select(r => r.Loss)));
        var ea = TrainingFixture.Evaluate(a);
        var eb = TrainingFixture.Evaluate(b);
        Assert.That(eb.Queries.Select(q => (q.QueryId, q["nDCG@10"])), Is.EqualTo(ea.Queries.Select(q => (q.QueryId, q["nDCG@10"]))));

        // Another seed trains differently (the streams are really seeded).
        using var c = TrainingFixture.Encoder();
        new Trainer(TrainingFixture.Options()).Train(TrainingFixture.Setup(c, seed: 12));
        Assert.That(TrainingFixture.Weights(c), Is.Not.EqualTo(TrainingFixture.Weights(a)));
    }

    [Test]
    public void A_run_interrupted_after_a_checkpoint_and_resumed_equals_an_uninterrupted_one()
    {
        using var dir = new TempDirectory();
        var options = TrainingFixture.Options() with { CheckpointEverySteps = 5 };

        using var whole = TrainingFixture.Encoder();
        var uninterrupted = new Trainer(options with { CheckpointDirectory = dir.Combine("whole") }).Train(TrainingFixture.Setup(whole));

        // Interrupt at step 13: the last checkpoint is step 10's, so steps 11-13 are redone after the resume.
        using var cts = new CancellationTokenSource();
        using (var first = TrainingFixture.Encoder())
        {
            var trainer = new Trainer(options with { CheckpointDirectory = dir.Combine("cut") });
            var setup = TrainingFixture.Setup(first, token: cts.Token) with { OnStep = row => { if (row.Step == 13) { cts.Cancel(); } } };
            Assert.Throws<OperationCanceledException>(() => trainer.Train(setup));
        }

        using var resumed = TrainingFixture.Encoder(seed: 99); // different initial weights: everything comes from the checkpoint
        var result = new Trainer(options with { CheckpointDirectory = dir.Combine("cut") }).Train(TrainingFixture.Setup(resumed));

        Assert.That(result.ResumedFromStep, Is.EqualTo(10));
        Assert.That(result.Steps, Is.EqualTo(uninterrupted.Steps));
        Assert.That(TrainingFixture.Weights(resumed), Is.EqualTo(TrainingFixture.Weights(whole)));
        Assert.That(result.Curve.Select(r => (r.Step, r.Epoch, r.Loss, r.LearningRate)), Is.EqualTo(uninterrupted.Curve.Select(r => (r.Step, r.Epoch, r.Loss, r.LearningRate))));
        Assert.That(result.Negatives.Select(n => (n.Epoch, n.Step, n.QueryId, string.Join(",", n.Sample.DocumentIds))), Is.EqualTo(uninterrupted.Negatives.Select(n => (n.Epoch, n.Step, n.QueryId, string.Join(",", n.Sample.DocumentIds)))));
    }

    [Test]
    public void Hashed_bow_hashed_on_the_prefetch_thread_trains_the_same_weights_as_hashing_in_the_step()
    {
        using var tokenizing = TrainingFixture.Encoder();
        using var plain = TrainingFixture.Encoder();
        Assert.That(tokenizing, Is.InstanceOf<ITokenizingEncoder>(), "hashed-bow's hashing is prefetched");

        var a = new Trainer(TrainingFixture.Options()).Train(TrainingFixture.Setup(tokenizing));
        var b = new Trainer(TrainingFixture.Options()).Train(TrainingFixture.Setup(new EncodeOnly(plain)));

        Assert.That(a.Steps, Is.EqualTo(40));
        Assert.That(a.Curve.Select(r => r.Loss), Is.EqualTo(b.Curve.Select(r => r.Loss)));
        Assert.That(TrainingFixture.Weights(tokenizing), Is.EqualTo(TrainingFixture.Weights(plain)));
    }

    [Test]
    public void A_checkpoint_from_another_configuration_is_refused_with_its_path()
    {
        using var dir = new TempDirectory();
        var options = TrainingFixture.Options(epochs: 1) with { CheckpointDirectory = dir.Path };
        using (var e1 = TrainingFixture.Encoder())
        {
            new Trainer(options).Train(TrainingFixture.Setup(e1));
        }

        using var e2 = TrainingFixture.Encoder();
        var e = Assert.Throws<TrainingSetupException>(() => new Trainer(options with { LearningRate = 0.5 }).Train(TrainingFixture.Setup(e2)));
        Assert.That(e!.Message, Does.StartWith(Path.Combine(dir.Path, "checkpoint") + ": checkpoint was written by another training configuration"));
    }

    [Test]
    public void A_nan_loss_stops_training_as_diverged_with_the_step_before_applying_it()
    {
        using var encoder = TrainingFixture.Encoder();
        using var reference = TrainingFixture.Encoder();
        var options = TrainingFixture.Options(epochs: 1);
        var result = new Trainer(options).Train(TrainingFixture.Setup(encoder, new NanAtCall(TrainingFixture.Loss(), 7)));
        var fourSix = new Trainer(options).Train(TrainingFixture.Setup(reference, new NanAtCall(TrainingFixture.Loss(), 1000)) with { OnStep = null });

        Assert.That(result.Status, Is.EqualTo(TrainingStatus.Diverged));
        Assert.That(result.DivergedAtStep, Is.EqualTo(7));
        Assert.That(result.Steps, Is.EqualTo(6));
        Assert.That(result.Curve, Has.Count.EqualTo(6));
        Assert.That(result.Message, Does.StartWith("loss was NaN at step 7"));
        Assert.That(fourSix.Curve.Take(6).Select(r => r.Loss), Is.EqualTo(result.Curve.Select(r => r.Loss)));
    }

    [Test]
    public void Cancellation_stops_after_the_current_step()
    {
        using var encoder = TrainingFixture.Encoder();
        using var cts = new CancellationTokenSource();
        var steps = 0L;
        var setup = TrainingFixture.Setup(encoder) with { OnStep = row => { steps = row.Step; if (row.Step == 3) { cts.Cancel(); } } };
        Assert.Throws<OperationCanceledException>(() => new Trainer(TrainingFixture.Options()).Train(setup, cts.Token));
        Assert.That(steps, Is.EqualTo(3));
    }

    [Test]
    public void Accumulating_two_half_batches_equals_one_full_batch_for_a_mean_loss()
    {
        // InfoNCE without in-batch negatives is a mean over rows, so 2 micro-batches of 8 ≡ 1 batch of 16.
        var loss = new InfoNceLoss(0.05, SimilarityFunction.Cosine, inBatchNegatives: false);
        using var full = TrainingFixture.Encoder();
        using var halves = TrainingFixture.Encoder();
        var options = TrainingFixture.Options(epochs: 1);
        var r1 = new Trainer(options).Train(TrainingFixture.Setup(full, loss, inBatchNegatives: false));
        var r2 = new Trainer(options with { BatchSize = 8, GradientAccumulationSteps = 2 }).Train(TrainingFixture.Setup(halves, loss, inBatchNegatives: false));

        Assert.That(r2.Steps, Is.EqualTo(r1.Steps));
        Assert.That(r2.Curve.Select(r => r.Loss), Is.EqualTo(r1.Curve.Select(r => r.Loss)).Within(1e-5));
        var w1 = TrainingFixture.Weights(full);
        var w2 = TrainingFixture.Weights(halves);
        foreach (var (name, values) in w1)
        {
            Assert.That(w2[name], Is.EqualTo(values).Within(1e-5), name);
        }
    }

    [Test]
    public void The_negatives_record_has_every_training_query_once_per_epoch_and_no_labelled_positive()
    {
        using var encoder = TrainingFixture.Encoder();
        var result = new Trainer(TrainingFixture.Options(epochs: 2)).Train(TrainingFixture.Setup(encoder));
        var data = TrainingFixture.Dataset;
        var qrels = data.GetQrels(Split.Train);
        var trainQueries = data.GetQueries(Split.Train).Where(q => qrels.Relevant(q.Id).Count > 0).Select(q => q.Id).Order(StringComparer.Ordinal).ToList();
        for (var epoch = 0; epoch < 2; epoch++)
        {
            var rows = result.Negatives.Where(n => n.Epoch == epoch).ToList();
            Assert.That(rows.Select(r => r.QueryId).Order(StringComparer.Ordinal), Is.EqualTo(trainQueries));
            Assert.That(rows.All(r => r.Used && r.Sample.DocumentIds.Count == 3), Is.True);
            Assert.That(rows.SelectMany(r => r.Sample.DocumentIds.Select(d => qrels.IsRelevant(r.QueryId, d))), Has.None.True);
            Assert.That(rows.All(r => qrels.IsRelevant(r.QueryId, r.PositiveIds[0])), Is.True);
        }

        // Rows of one step are one batch of 16 (the last step of an epoch holds the rest).
        Assert.That(result.Negatives.GroupBy(n => n.Step).Select(g => g.Count()).Max(), Is.EqualTo(16));
    }

    /// <summary>Wraps a loss and returns NaN on its N-th call (1-based).</summary>
    private sealed class NanAtCall(ILoss inner, int call) : ILoss
    {
        private int _calls;

        public Tensor Compute(LossBatch batch)
        {
            var loss = inner.Compute(batch);
            return ++_calls == call ? loss * double.NaN : loss;
        }
    }

    /// <summary>An encoder seen through IEncoder only: the trainer encodes its texts on the training thread.</summary>
    private sealed class EncodeOnly(IEncoder inner) : IEncoder
    {
        public int Dimension => inner.Dimension;

        public TorchSharp.torch.nn.Module Module => inner.Module;

        public Tensor Encode(IReadOnlyList<string> texts, TextRole role) => inner.Encode(texts, role);

        public void Dispose()
        {
        }
    }
}
