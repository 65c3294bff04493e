using Harness.Abstractions.Datasets;
using Harness.Data;
using Harness.Data.Hashing;

namespace Harness.Tests.Data;

public sealed class InMemoryDatasetTests
{
    private static readonly Document[] Docs = [new("b", "", "two"), new("a", "", "one"), new("c", "T", "three")];

    private static Dictionary<Split, IReadOnlyList<Query>> Queries(params (Split Split, string Id)[] qs) =>
        qs.GroupBy(q => q.Split).ToDictionary(g => g.Key, g => (IReadOnlyList<Query>)g.Select(q => new Query(q.Id, "text " + q.Id)).ToArray());

    [Test]
    public void Invariants_are_checked()
    {
        var qrels = new Dictionary<Split, Qrels> { [Split.Train] = new Qrels.Builder().Add("q1", "a", 1).Build() };
        Assert.That(() => new InMemoryDataset("x", [.. Docs, new("a", "", "again")], Queries((Split.Train, "q1")), qrels),
            Throws.ArgumentException.With.Message.Contains("duplicate document id 'a'"));
        Assert.That(() => new InMemoryDataset("x", Docs, Queries((Split.Train, "q1"), (Split.Test, "q1")), qrels),
            Throws.ArgumentException.With.Message.Contains("query 'q1' is in two splits (Train and Test)"));
        Assert.That(() => new InMemoryDataset("x", Docs, Queries((Split.Train, "q1")), new Dictionary<Split, Qrels> { [Split.Train] = new Qrels.Builder().Add("q1", "zz", 1).Build() }),
            Throws.ArgumentException.With.Message.Contains("document 'zz', which is not in the corpus"));
        Assert.That(() => new InMemoryDataset("x", Docs, Queries((Split.Dev, "q1")), qrels),
            Throws.ArgumentException.With.Message.Contains("names query 'q1', which is not a query of that split"));
        Assert.That(() => new InMemoryDataset("x", Docs, Queries((Split.Train, "q1")), qrels, qrels),
            Throws.ArgumentException.With.Message.Contains("hidden positive ('q1', 'a') is also in the judgments"));
    }

    [Test]
    public void Corpus_is_kept_in_ordinal_id_order_and_an_unsorted_view_hashes_the_same()
    {
        var ds = new InMemoryDataset("x", Docs, Queries((Split.Train, "q1")), new Dictionary<Split, Qrels>());
        Assert.That(ds.Corpus.Select(d => d.Id), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(ds.Splits, Is.EqualTo(new[] { Split.Train }));

        var unsorted = new UnsortedView(ds);
        Assert.That(unsorted.Corpus[0].Id, Is.EqualTo("b"));
        Assert.That(DatasetHasher.Compute(unsorted), Is.EqualTo(ds.ContentHash));
    }

    /// <summary>The same content with the corpus in file order, to exercise the hasher's re-sorting path.</summary>
    private sealed class UnsortedView(IDataset inner) : IDataset
    {
        public string Name => inner.Name;

        public string ContentHash => throw new NotSupportedException();

        public IReadOnlyList<Document> Corpus { get; } = Docs;

        public IReadOnlyList<Split> Splits => inner.Splits;

        public IReadOnlyList<Query> GetQueries(Split split) => inner.GetQueries(split);

        public Qrels GetQrels(Split split) => inner.GetQrels(split);

        public Qrels GetHiddenPositives(Split split) => inner.GetHiddenPositives(split);
    }
}
