using Harness.Training;

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
        Assert.That(result.Steps, Is.GreaterThanOrEqualTo(200));
        Assert.That(after, Is.GreaterThan(before + 0.1));
    }
}
