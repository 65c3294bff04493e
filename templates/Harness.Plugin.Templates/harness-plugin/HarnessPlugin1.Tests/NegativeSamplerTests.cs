using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using NUnit.Framework;

namespace HarnessPlugin1.Tests;

public sealed class NegativeSamplerTests
{
    [Test]
    public void Asked_for_more_than_the_corpus_holds_it_returns_every_non_positive_and_says_why()
    {
        Document[] corpus = [new("a", "", "one"), new("b", "", "two"), new("c", "", "three")];
        var judgments = new Qrels.Builder().Add("q", "b", 1).Build();
        var sampler = new RandomNegativeSampler();
        sampler.Prepare(new NegativeSamplerSetup(TrainingDataView.FromParts("tiny", corpus, [new Query("q", "x")], judgments), SamplerServices.None));

        var sample = sampler.Sample(new Query("q", "x"), 5, new Random(1));

        Assert.That(sample.DocumentIds, Is.EquivalentTo(new[] { "a", "c" }));
        Assert.That(sample.Shortfall, Does.Contain("asked for 5"));
        Assert.That(sample.Check(5), Is.Null);
    }
}
