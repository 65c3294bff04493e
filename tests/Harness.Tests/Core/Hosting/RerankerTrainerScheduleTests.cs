using Harness.Core.Hosting;

namespace Harness.Tests.Core.Hosting;

/// <summary>The cross-encoder's learning-rate schedule against values worked out by hand.</summary>
public sealed class RerankerTrainerScheduleTests
{
    // T = 10 steps, W = 2 warm-up steps, base 1e-3: 0, 5e-4 during the warm-up (Hugging Face starts at 0), then
    // base · (10 − s) / 8 for s = 2..9: 1e-3, 8.75e-4, 7.5e-4, 6.25e-4, 5e-4, 3.75e-4, 2.5e-4, 1.25e-4.
    [TestCase(0, 0.0)]
    [TestCase(1, 5e-4)]
    [TestCase(2, 1e-3)]
    [TestCase(3, 8.75e-4)]
    [TestCase(6, 5e-4)]
    [TestCase(9, 1.25e-4)]
    [TestCase(10, 0.0)]
    public void Warm_up_then_linear_decay(long step, double expected) =>
        Assert.That(RerankerTrainer.LearningRateAt(1e-3, step, 10, 2), Is.EqualTo(expected).Within(1e-15));

    [Test]
    public void Without_warm_up_the_first_step_has_the_full_rate() =>
        Assert.That(RerankerTrainer.LearningRateAt(2e-5, 0, 4, 0), Is.EqualTo(2e-5));
}
