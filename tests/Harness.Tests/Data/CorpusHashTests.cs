using Harness.Abstractions.Datasets;
using Harness.Data;
using Harness.Data.Caching;
using Harness.Data.Formats;
using Harness.Data.Synthetic;
using Harness.Tests.Support;

namespace Harness.Tests.Data;

/// <summary>
/// Harness.Data's datasets give the contract's canonical corpus hash (IDataset.CorpusHash), not the default
/// (ContentHash), so caches built from documents alone survive a change of queries or judgments.
/// </summary>
public sealed class CorpusHashTests
{
    [Test]
    public void An_in_memory_dataset_has_the_canonical_corpus_hash()
    {
        // The corpus of DatasetContentHashTests.Tiny, whose corpus hash was computed by hand (Python struct/hashlib).
        Document[] corpus = [new("b", "", "y"), new("a", "T", "x")];
        var queries = new Dictionary<Split, IReadOnlyList<Query>> { [Split.Train] = [new Query("q1", "x")] };
        var one = new InMemoryDataset("one", corpus, queries, new Dictionary<Split, Qrels> { [Split.Train] = new Qrels.Builder().Add("q1", "a", 1).Build() });
        var other = new InMemoryDataset("other", corpus, queries, new Dictionary<Split, Qrels> { [Split.Train] = new Qrels.Builder().Add("q1", "b", 2).Build() });

        Assert.That(one.CorpusHash, Is.EqualTo("bf284b3da483b7184e5aa50836ef0aa67f165b3140c55d65af030d64710487e2"));
        Assert.That(((IDataset)one).CorpusHash, Is.EqualTo(one.CorpusHash), "the interface sees the override, not the default");
        Assert.That(other.CorpusHash, Is.EqualTo(one.CorpusHash), "other judgments, same corpus");
        Assert.That(other.ContentHash, Is.Not.EqualTo(one.ContentHash));
        Assert.That(one.CorpusHash, Is.Not.EqualTo(one.ContentHash));
    }

    [Test]
    public void Beir_and_trec_datasets_and_their_cache_files_have_the_canonical_corpus_hash()
    {
        using var t = new TempDirectory();
        t.File("beir/corpus.jsonl", "{\"_id\": \"d2\", \"title\": \"B\", \"text\": \"two\"}\n{\"_id\": \"d1\", \"text\": \"one\"}\n");
        t.File("beir/queries.jsonl", "{\"_id\": \"q1\", \"text\": \"first\"}\n{\"_id\": \"q2\", \"text\": \"second\"}\n");
        t.File("beir/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        var beir = BeirReader.Load(Path.Combine(t.Path, "beir"), "b");
        t.File("beir/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq2\td2\t1\n");
        var rejudged = BeirReader.Load(Path.Combine(t.Path, "beir"), "b");

        IDataset data = beir;
        Assert.That(data.CorpusHash, Is.EqualTo(DatasetContentHash.ComputeCorpus(beir.Corpus)));
        Assert.That(data.CorpusHash, Is.Not.EqualTo(data.ContentHash));
        Assert.That(((IDataset)rejudged).CorpusHash, Is.EqualTo(data.CorpusHash));
        Assert.That(rejudged.ContentHash, Is.Not.EqualTo(data.ContentHash));

        var collection = t.File("trec/collection.tsv", "0\tzero\n1\tone\n");
        var topics = t.File("trec/queries.train.tsv", "100\tq\n");
        var judgments = t.File("trec/qrels.train.tsv", "100 0 1 1\n");
        IDataset trec = TrecReader.Load(new TrecFiles(collection, new Dictionary<Split, string> { [Split.Train] = topics }, new Dictionary<Split, string> { [Split.Train] = judgments }), "t");
        Assert.That(trec.CorpusHash, Is.EqualTo(DatasetContentHash.ComputeCorpus(trec.Corpus)));
        Assert.That(trec.CorpusHash, Is.Not.EqualTo(trec.ContentHash));

        // A dataset read back from the house's cache file keeps it.
        var file = Path.Combine(t.Path, "beir.hds");
        DatasetFile.Write(beir, file);
        IDataset reread = DatasetFile.Read(file);
        Assert.That(reread.CorpusHash, Is.EqualTo(data.CorpusHash));
    }

    [Test]
    public void A_synthetic_dataset_has_the_canonical_corpus_hash()
    {
        IDataset data = new SyntheticDataset(new SyntheticOptions { Documents = 300, Queries = 40, RelevantPerQuery = 2, VocabularySize = 500, Topics = 5, Seed = 3 });
        Assert.That(data.CorpusHash, Is.EqualTo(DatasetContentHash.ComputeCorpus(data.Corpus)));
        Assert.That(data.CorpusHash, Is.Not.EqualTo(data.ContentHash));
    }
}
