using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Conformance.Datasets;
using Harness.Core.Hosting;
using Harness.Plugins.NegativeSamplers;
using Harness.Tests.Support;

namespace Harness.Tests.Plugins.NegativeSamplers;

/// <summary>
/// The BM25 sampler through the host's real lexical service (Lucene BM25 over the conformance dataset's training
/// view): the sampler itself links no retrieval library.
/// </summary>
public sealed class Bm25NegativeSamplerTests
{
    private static readonly string[] TopicZeroUnlabelled = ["d24", "d32", "d40"];

    private static NegativeSample Sample(TempDirectory cache, int depth, int skipTop, bool uniform, bool fill, int count, int seed = 1)
    {
        var data = new ConformanceDataset();
        var view = TrainingDataView.Create(data);
        using var lexical = Bm25LexicalSearcher.OpenOrBuild(view, cache.Path);
        var sampler = new Bm25NegativeSampler(depth, skipTop, uniform, fill, NullMetricsSink.Instance);
        sampler.Prepare(new NegativeSamplerSetup(view, new SamplerServices { Lexical = lexical }));
        return sampler.Sample(data.GetQueries(Split.Train)[0], count, new Xoshiro256Random((ulong)seed));
    }

    [Test]
    public void The_hardest_negatives_are_the_same_topic_documents_that_are_not_labelled()
    {
        using var cache = new TempDirectory();
        var s = Sample(cache, depth: 100, skipTop: 0, uniform: false, fill: false, count: 3);
        Assert.That(s.DocumentIds, Is.EquivalentTo(TopicZeroUnlabelled));
        Assert.That(s.Shortfall, Is.Null);
        Assert.That(s.Sources, Has.All.EqualTo("bm25"));
        Assert.That(s.Ranks, Is.Ordered.And.All.GreaterThanOrEqualTo(0));
        Assert.That(s.Scores, Is.Ordered.Descending);
        Assert.That(s.Dropped, Is.Empty);
    }

    [Test]
    public void Skipping_the_top_drops_the_likely_false_negatives_and_reports_them()
    {
        using var cache = new TempDirectory();
        // "module" also belongs to topic 1 (python ... module), so BM25 finds topic-1 documents after topic 0's.
        var s = Sample(cache, depth: 100, skipTop: 3, uniform: false, fill: false, count: 2);
        Assert.That(s.DocumentIds, Has.Count.EqualTo(2));
        Assert.That(s.DocumentIds.Select(d => int.Parse(d[1..], System.Globalization.CultureInfo.InvariantCulture) % 8), Has.All.EqualTo(1));
        Assert.That(s.DocumentIds, Has.None.AnyOf(TopicZeroUnlabelled));
        Assert.That(s.DocumentIds, Has.None.AnyOf("d00", "d08", "d16"));

        // The three skipped are the hidden positive d32 and the other unlabelled topic-0 documents: the host can now
        // count that the filter dropped one hidden positive.
        Assert.That(s.Dropped, Is.EquivalentTo(TopicZeroUnlabelled));
    }

    [Test]
    public void A_short_pool_is_reported_or_filled_with_random_negatives_never_a_dropped_one()
    {
        using var cache = new TempDirectory();
        var shortPool = Sample(cache, depth: 6, skipTop: 0, uniform: false, fill: false, count: 5);
        Assert.That(shortPool.DocumentIds, Is.EquivalentTo(TopicZeroUnlabelled));
        Assert.That(shortPool.Shortfall, Is.EqualTo("BM25 gave 3 negatives for 'train-0' (top 6, labelled positives removed, 0 dropped); asked for 5"));

        var filled = Sample(cache, depth: 6, skipTop: 1, uniform: false, fill: true, count: 5);
        Assert.That(filled.DocumentIds, Has.Count.EqualTo(5));
        Assert.That(filled.DocumentIds, Is.Unique);
        Assert.That(filled.Dropped, Has.Count.EqualTo(1));
        Assert.That(filled.DocumentIds, Has.None.EqualTo(filled.Dropped![0]));
        Assert.That(filled.Sources, Is.EqualTo(new[] { "bm25", "bm25", "random", "random", "random" }));
        Assert.That(filled.Scores!.Skip(2), Has.All.NaN);
        Assert.That(filled.Shortfall, Is.Null);
        Assert.That(filled.Check(5), Is.Null);
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

    [Test]
    public void Without_the_lexical_service_prepare_says_so()
    {
        var sampler = new Bm25NegativeSampler(10, 0, false, true, NullMetricsSink.Instance);
        var e = Assert.Throws<InvalidOperationException>(() => sampler.Prepare(new NegativeSamplerSetup(TrainingDataView.Create(new ConformanceDataset()), SamplerServices.None)));
        Assert.That(e!.Message, Does.Contain("no Lexical service"));
    }
}
