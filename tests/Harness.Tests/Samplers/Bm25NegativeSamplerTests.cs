using Harness.Abstractions.Data;
using Harness.Abstractions.Sampling;
using Harness.Conformance.Data;
using Harness.Core.Caching;
using Harness.Plugins.Samplers;
using Harness.Retrieval.Lexical;
using Harness.Tests.Support;

namespace Harness.Tests.Samplers;

/// <summary>
/// On the conformance dataset, query train-0 is about topic 0, whose six documents are d00, d08, d16 (labelled
/// positives), d24 (judged non-relevant), d32 (a hidden positive) and d40 (unjudged): BM25 ranks these six first.
/// </summary>
public sealed class Bm25NegativeSamplerTests
{
    private static readonly string[] TopicZeroUnlabelled = ["d24", "d32", "d40"];

    private static NegativeSample Sample(TempDirectory cache, int depth, int skipTop, bool uniform, bool fill, int count, int seed = 1)
    {
        var data = new ConformanceDataset();
        using var sampler = new Bm25NegativeSampler(depth, skipTop, uniform, fill, new Bm25Options(), new CacheStore(cache.Path), default);
        sampler.Prepare(new NegativeSamplerSetup(data, Split.Train));
        return sampler.Sample(data.GetQueries(Split.Train)[0], count, new Random(seed));
    }

    [Test]
    public void The_hardest_negatives_are_the_same_topic_documents_that_are_not_labelled()
    {
        using var cache = new TempDirectory();
        var s = Sample(cache, depth: 100, skipTop: 0, uniform: false, fill: false, count: 3);
        Assert.That(s.DocumentIds, Is.EquivalentTo(TopicZeroUnlabelled));
        Assert.That(s.Shortfall, Is.Null);
    }

    [Test]
    public void Skipping_the_top_leaves_the_likely_false_negatives_out()
    {
        using var cache = new TempDirectory();
        // "module" also belongs to topic 1 (python ... module), so BM25 finds topic-1 documents after topic 0's.
        var s = Sample(cache, depth: 100, skipTop: 3, uniform: false, fill: false, count: 2);
        Assert.That(s.DocumentIds, Has.Count.EqualTo(2));
        Assert.That(s.DocumentIds.Select(d => int.Parse(d[1..], System.Globalization.CultureInfo.InvariantCulture) % 8), Has.All.EqualTo(1));
        Assert.That(s.DocumentIds, Has.None.AnyOf(TopicZeroUnlabelled));
        Assert.That(s.DocumentIds, Has.None.AnyOf("d00", "d08", "d16"));
    }

    [Test]
    public void A_short_pool_is_reported_or_filled_with_random_negatives()
    {
        using var cache = new TempDirectory();
        var shortPool = Sample(cache, depth: 6, skipTop: 0, uniform: false, fill: false, count: 5);
        Assert.That(shortPool.DocumentIds, Is.EquivalentTo(TopicZeroUnlabelled));
        Assert.That(shortPool.Shortfall, Is.EqualTo("BM25 gave 3 negatives for 'train-0' (top 6, 0 skipped, labelled positives removed); asked for 5"));

        var filled = Sample(cache, depth: 6, skipTop: 0, uniform: false, fill: true, count: 5);
        Assert.That(filled.DocumentIds, Has.Count.EqualTo(5));
        Assert.That(filled.DocumentIds.Take(3), Is.EquivalentTo(TopicZeroUnlabelled));
        Assert.That(filled.DocumentIds, Is.Unique);
        Assert.That(filled.Shortfall, Is.Null);
    }

    [Test]
    public void Uniform_draws_depend_on_the_generator_and_stay_in_the_pool()
    {
        using var cache = new TempDirectory();
        var a = Sample(cache, depth: 20, skipTop: 0, uniform: true, fill: false, count: 4, seed: 1);
        var b = Sample(cache, depth: 20, skipTop: 0, uniform: true, fill: false, count: 4, seed: 1);
        Assert.That(a.DocumentIds, Is.EqualTo(b.DocumentIds));
        Assert.That(a.DocumentIds, Is.Unique.And.Count.EqualTo(4));
        Assert.That(a.DocumentIds, Has.None.AnyOf("d00", "d08", "d16"));
    }
}
