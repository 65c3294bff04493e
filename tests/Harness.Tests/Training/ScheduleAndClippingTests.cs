using Harness.Training;
using Harness.Training.Optimization;
using static TorchSharp.torch;

namespace Harness.Tests.Training;

public sealed class ScheduleAndClippingTests
{
    [Test]
    public void Warmup_then_linear_decay_by_hand()
    {
        // T = 10, W = 2 (as get_linear_schedule_with_warmup): s/W, then (T − s)/(T − W).
        var s = new LearningRateScheduler(1.0, 10, 2, LearningRateSchedule.WarmupLinear);
        var expected = new[] { 0, 0.5, 1, 7 / 8.0, 6 / 8.0, 5 / 8.0, 4 / 8.0, 3 / 8.0, 2 / 8.0, 1 / 8.0 };
        Assert.That(Enumerable.Range(0, 10).Select(i => s.At(i)), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Warmup_then_constant_and_the_warmup_fraction_rounds_up()
    {
        var s = new LearningRateScheduler(0.01, 10, 4, LearningRateSchedule.WarmupConstant);
        Assert.That(Enumerable.Range(0, 6).Select(i => s.At(i)), Is.EqualTo(new[] { 0, 0.0025, 0.005, 0.0075, 0.01, 0.01 }).Within(1e-12));
        Assert.That(LearningRateScheduler.Warmup(new TrainingOptions { WarmupFraction = 0.1 }, 25), Is.EqualTo(3));
        Assert.That(LearningRateScheduler.Warmup(new TrainingOptions { WarmupSteps = 7 }, 25), Is.EqualTo(7));
    }

    [Test]
    public void Clipping_scales_dense_and_sparse_gradients_by_the_global_norm()
    {
        // Dense [3, 0] and sparse row values [0, 4]: global norm 5; clipped to 1 → everything × 1/(5 + 1e-6).
        using var dense = tensor(new float[] { 3, 0 });
        using var sparse = SparseGradients.Coalesce(sparse_coo_tensor(tensor(new long[] { 1 }).unsqueeze(0), tensor(new float[] { 0, 4 }, [1, 2]), [3, 2]));
        var norm = GradientClipping.Clip([dense, null, sparse], 1.0);
        Assert.That(norm, Is.EqualTo(5).Within(1e-12));
        var c = 1 / (5 + 1e-6);
        Assert.That(dense.data<float>().ToArray(), Is.EqualTo(new[] { (float)(3 * c), 0f }));
        Assert.That(sparse.to_dense().data<float>().ToArray(), Is.EqualTo(new[] { 0f, 0f, 0f, (float)(4 * c), 0f, 0f }));
    }

    [Test]
    public void Clipping_leaves_a_small_gradient_alone()
    {
        using var g = tensor(new float[] { 0.3f, 0.4f });
        Assert.That(GradientClipping.Clip([g], 1.0), Is.EqualTo(0.5).Within(1e-7));
        Assert.That(g.data<float>().ToArray(), Is.EqualTo(new[] { 0.3f, 0.4f }));
    }

    [Test]
    public void Options_out_of_range_name_the_key()
    {
        var e = Assert.Throws<TrainingSetupException>(() => new Trainer(new TrainingOptions { LearningRate = -1 }));
        Assert.That(e!.Message, Is.EqualTo("train.lr = -1: must be a finite number > 0"));
        e = Assert.Throws<TrainingSetupException>(() => new Trainer(new TrainingOptions { GradientAccumulationSteps = 0 }));
        Assert.That(e!.Message, Is.EqualTo("train.gradient_accumulation = 0: must be >= 1"));
    }
}
