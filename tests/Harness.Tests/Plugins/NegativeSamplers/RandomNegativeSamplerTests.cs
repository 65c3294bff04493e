using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Conformance.Datasets;
using Harness.Plugins.NegativeSamplers;

namespace Harness.Tests.Plugins.NegativeSamplers;

/// <summary>The random sampler on the conformance dataset: exclusions follow the view's positive grade, draws are uniform.</summary>
public sealed class RandomNegativeSamplerTests
{
    private static (RandomNegativeSampler Sampler, Query Query) Prepared(int positiveGrade)
    {
        var data = new ConformanceDataset();
        var sampler = new RandomNegativeSampler();
        sampler.Prepare(new NegativeSamplerSetup(TrainingDataView.Create(data, positiveGrade), SamplerServices.None));
        return (sampler, data.GetQueries(Split.Train)[0]);
    }

    [Test]
    public void Asking_for_more_than_exists_returns_every_allowed_document_and_says_why()
    {
        var (sampler, q) = Prepared(1);

        var s = sampler.Sample(q, 100, new Xoshiro256Random(1));

        // 48 documents, 3 labelled positives (grades 2, 1, 1); the grade-0 judgment and the hidden positive are allowed.
        Assert.That(s.DocumentIds, Has.Count.EqualTo(45));
        Assert.That(s.DocumentIds, Does.Not.Contain("d00").And.Not.Contain("d08").And.Not.Contain("d16"));
        Assert.That(s.DocumentIds, Does.Contain("d24").And.Contain("d32"));
        Assert.That(s.Shortfall, Is.EqualTo("only 45 documents are not labelled positives of 'train-0'; asked for 100"));
        Assert.That(s.Sources, Has.All.EqualTo("random"));
        Assert.That(s.Ranks, Has.All.EqualTo(-1));
        Assert.That(s.Check(100), Is.Null);
    }

    [Test]
    public void The_views_positive_grade_is_the_one_definition_of_a_labelled_positive()
    {
        // At grade 2 only d00 (grade 2) is a labelled positive of train-0: d08 and d16 (grade 1) become negatives.
        var (sampler, q) = Prepared(2);
        var s = sampler.Sample(q, 47, new Xoshiro256Random(3));
        Assert.That(s.DocumentIds, Has.Count.EqualTo(47));
        Assert.That(s.DocumentIds, Does.Not.Contain("d00").And.Contain("d08").And.Contain("d16"));
        Assert.That(s.Shortfall, Is.Null);
    }

    [Test]
    public void Draws_are_close_to_uniform()
    {
        var (sampler, q) = Prepared(1);
        var counts = new Dictionary<string, int>();
        var rng = new Xoshiro256Random(5);
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
