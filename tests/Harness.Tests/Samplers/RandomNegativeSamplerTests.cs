using Harness.Abstractions.Data;
using Harness.Abstractions.Sampling;
using Harness.Conformance.Data;
using Harness.Plugins.Samplers;

namespace Harness.Tests.Samplers;

public sealed class RandomNegativeSamplerTests
{
    [Test]
    public void Asking_for_more_than_exists_returns_every_allowed_document_and_says_why()
    {
        var data = new ConformanceDataset();
        var sampler = new RandomNegativeSampler(1);
        sampler.Prepare(new NegativeSamplerSetup(data, Split.Train));
        var q = data.GetQueries(Split.Train)[0];

        var s = sampler.Sample(q, 100, new Random(1));

        // 48 documents, 3 labelled positives (grades 2, 1, 1); the grade-0 judgment and the hidden positive are allowed.
        Assert.That(s.DocumentIds, Has.Count.EqualTo(45));
        Assert.That(s.DocumentIds, Does.Not.Contain("d00").And.Not.Contain("d08").And.Not.Contain("d16"));
        Assert.That(s.DocumentIds, Does.Contain("d24").And.Contain("d32"));
        Assert.That(s.Shortfall, Is.EqualTo("only 45 documents are not labelled positives of 'train-0'; asked for 100"));
    }

    [Test]
    public void A_higher_positive_grade_lets_grade_one_documents_be_negatives()
    {
        var data = new ConformanceDataset();
        var sampler = new RandomNegativeSampler(2);
        sampler.Prepare(new NegativeSamplerSetup(data, Split.Train));
        var s = sampler.Sample(data.GetQueries(Split.Train)[0], 47, new Random(3));
        Assert.That(s.DocumentIds, Has.Count.EqualTo(47));
        Assert.That(s.DocumentIds, Does.Not.Contain("d00"));
        Assert.That(s.Shortfall, Is.Null);
    }

    [Test]
    public void Draws_are_close_to_uniform()
    {
        var data = new ConformanceDataset();
        var sampler = new RandomNegativeSampler(1);
        sampler.Prepare(new NegativeSamplerSetup(data, Split.Train));
        var q = data.GetQueries(Split.Train)[0];
        var counts = new Dictionary<string, int>();
        var rng = new Random(5);
        for (var i = 0; i < 9000; i++)
        {
            foreach (var d in sampler.Sample(q, 1, rng).DocumentIds)
            {
                counts[d] = counts.GetValueOrDefault(d) + 1;
            }
        }

        // 45 allowed documents, 200 expected draws each; ±35% is > 4 standard deviations.
        Assert.That(counts, Has.Count.EqualTo(45));
        Assert.That(counts.Values, Has.All.InRange(130, 270));
    }
}
