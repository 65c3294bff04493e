using Harness.Abstractions.Datasets;
using Harness.Core.Caching;
using Harness.Data;
using Harness.Retrieval.Lexical;
using Harness.Tests.Support;

namespace Harness.Tests.Retrieval;

public sealed class Bm25IndexTests
{
    private static InMemoryDataset Tiny(params (string Id, string Text)[] docs) => new(
        "tiny",
        docs.Select(d => new Document(d.Id, string.Empty, d.Text)).ToArray(),
        new Dictionary<Split, IReadOnlyList<Query>>(),
        new Dictionary<Split, Qrels>());

    [Test]
    public void Scores_match_the_hand_computed_bm25_formula()
    {
        // Lengths 1, 4 and 1 tokens after English analysis (1/sqrt(len) is exact in Lucene's one-byte norm for 1 and 4).
        using var t = new TempDirectory();
        var ds = Tiny(("d1", "apple"), ("d2", "apple banana cherry grape"), ("d3", "banana"));
        using var index = Bm25Index.OpenOrBuild(ds, new CacheStore(t.Path), new Bm25Options { K1 = 0.9f, B = 0.4f });
        var hits = index.Search("apples", 10);

        // idf = ln(1 + (N - df + 0.5) / (df + 0.5)) = ln(1 + 1.5 / 2.5) = ln 1.6; avgdl = 6 / 3 = 2.
        // d1: 1.9 / (1 + 0.9 * (0.6 + 0.4 * 1/2)) = 1.9 / 1.72; d2: 1.9 / (1 + 0.9 * (0.6 + 0.4 * 4/2)) = 1.9 / 2.26.
        var idf = Math.Log(1.6);
        Assert.That(hits.Select(h => h.DocumentId), Is.EqualTo(new[] { "d1", "d2" }));
        Assert.That(hits[0].Score, Is.EqualTo(idf * 1.9 / 1.72).Within(1e-4));
        Assert.That(hits[1].Score, Is.EqualTo(idf * 1.9 / 2.26).Within(1e-4));
        Assert.That(index.Analyze("The apples"), Is.EqualTo(new[] { "appl" }), "stop word removed, Porter stem");
    }

    [Test]
    public void Equal_scores_rank_by_document_id_and_batches_equal_single_searches()
    {
        using var t = new TempDirectory();
        var ds = Tiny(("c", "red apple"), ("a", "red apple"), ("b", "red apple"), ("z", "green pear"));
        using var index = Bm25Index.OpenOrBuild(ds, new CacheStore(t.Path));
        Assert.That(index.Search("apple", 10).Select(h => h.DocumentId), Is.EqualTo(new[] { "a", "b", "c" }));

        var queries = new[] { new Query("1", "apple"), new Query("2", "pear"), new Query("3", "the"), new Query("4", "green red") };
        var batch = index.Search(queries, 2);
        Assert.That(batch, Has.Length.EqualTo(4));
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.That(batch[i], Is.EqualTo(index.Search(queries[i].Text, 2)));
        }

        Assert.That(batch[2], Is.Empty, "a query of stop words only matches nothing");
        Assert.That(batch[3].Select(h => h.DocumentId), Is.EqualTo(new[] { "z", "a" }));
    }

    [Test]
    public void Index_is_cached_by_content_hash_and_reused()
    {
        using var t = new TempDirectory();
        var ds = Tiny(("a", "one two"), ("b", "two three"));
        string path;
        using (var first = Bm25Index.OpenOrBuild(ds, new CacheStore(t.Path)))
        {
            path = first.Path;
            Assert.That(first.DocumentCount, Is.EqualTo(2));
        }

        var stamp = Directory.GetLastWriteTimeUtc(path);
        using var second = Bm25Index.OpenOrBuild(ds, new CacheStore(t.Path), new Bm25Options { K1 = 1.2f, B = 0.75f });
        Assert.That(second.Path, Is.EqualTo(path));
        Assert.That(Path.GetFileName(path), Is.EqualTo(ds.ContentHash + "-english-v1"));
        Assert.That(Directory.GetLastWriteTimeUtc(path), Is.EqualTo(stamp));
        Assert.That(Directory.GetDirectories(Path.Combine(t.Path, "bm25")), Has.Length.EqualTo(1), "no temporary folder left");
        Assert.That(second.Search("three", 5).Single().DocumentId, Is.EqualTo("b"));
    }

    [Test]
    public void Without_a_cache_the_index_is_built_in_memory_and_scores_the_same()
    {
        using var t = new TempDirectory();
        var ds = Tiny(("d1", "apple"), ("d2", "apple banana cherry grape"), ("d3", "banana"));
        using var cached = Bm25Index.OpenOrBuild(ds, new CacheStore(t.Path));
        using var memory = Bm25Index.OpenOrBuild(ds, null);
        Assert.That(memory.Path, Is.EqualTo("(memory)"));
        Assert.That(memory.Search("apple banana", 3), Is.EqualTo(cached.Search("apple banana", 3)));
    }

    [TestCase(float.NaN, 0.4f, "k1 must be a finite non-negative number (got NaN)")]
    [TestCase(-0.1f, 0.4f, "k1 must be a finite non-negative number (got -0.1)")]
    [TestCase(0.9f, float.PositiveInfinity, "b must be a finite non-negative number (got Infinity)")]
    [TestCase(0.9f, -1f, "b must be a finite non-negative number (got -1)")]
    public void K1_and_b_must_be_finite_and_non_negative(float k1, float b, string message)
    {
        var options = new Bm25Options { K1 = k1, B = b };
        Assert.That(options.Problem(), Is.EqualTo(message));
        var e = Assert.Throws<ArgumentException>(() => Bm25Index.OpenOrBuild(Tiny(("a", "x")), null, options));
        Assert.That(e!.Message, Is.EqualTo(message));
    }
}
