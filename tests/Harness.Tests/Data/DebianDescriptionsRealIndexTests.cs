using Harness.Abstractions.Datasets;
using Harness.Core.Caching;
using Harness.Data.Debian;
using Harness.Retrieval.Lexical;
using Harness.Tests.Support;

namespace Harness.Tests.Data;

/// <summary>
/// Runs only where the real index has been fetched (scripts/fetch-debian-index.sh) and HARNESS_DEBIAN_INDEX names
/// its lists directory; nothing is downloaded here. Builds the dataset into a temporary cache and checks BM25.
/// </summary>
public sealed class DebianDescriptionsRealIndexTests
{
    [Test]
    public void Real_index_builds_and_bm25_reaches_rr_at_10_above_one_half()
    {
        var lists = Environment.GetEnvironmentVariable("HARNESS_DEBIAN_INDEX");
        if (string.IsNullOrEmpty(lists) || !Directory.Exists(lists))
        {
            Assert.Ignore("set HARNESS_DEBIAN_INDEX to a lists directory filled by scripts/fetch-debian-index.sh");
        }

        using var t = new TempDirectory();
        var ds = DebianDescriptionsBuilder.LoadOrBuild(DebianIndex.Find(lists!), new DebianDescriptionsOptions(), new CacheStore(t.Path));
        Assert.That(ds.Corpus, Has.Count.GreaterThan(50_000));
        var ids = ds.Splits.SelectMany(s => ds.GetQueries(s)).Select(q => q.Id).ToList();
        Assert.That(ids, Is.Unique);

        using var index = Bm25Index.OpenOrBuild(ds, new CacheStore(t.Path));
        var queries = ds.GetQueries(Split.Test);
        var runs = index.Search(queries, 10);

        // RR@10 with the trec_eval-exact evaluator (ties by docno, descending, as trec_eval orders them).
        var qrels = Harness.Evaluation.TrecQrels.From(ds.GetQrels(Split.Test).All());
        var run = Harness.Evaluation.TrecRun.From("bm25", Enumerable.Range(0, queries.Count).SelectMany(i => runs[i].Select(hit => (queries[i].Id, hit.DocumentId, (double)hit.Score))));

        var rr = new Harness.Evaluation.Evaluator(Harness.Evaluation.MeasureSet.FromNames("RR@10"), new Harness.Evaluation.EvaluationOptions { AverageOverComplete = true }).Evaluate(qrels, run)["RR@10"];
        TestContext.Out.WriteLine($"debian-descriptions {ds.ContentHash}: {queries.Count} test queries, RR@10 {rr:F4}");
        Assert.That(rr, Is.GreaterThan(0.5));
    }
}
