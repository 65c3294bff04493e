using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Similarity;
using Harness.Core.Caching;
using Harness.Data;
using Harness.Retrieval;
using Harness.Retrieval.Dense;
using Harness.Retrieval.Lexical;
using Harness.Tests.Support;
using static TorchSharp.torch;

namespace Harness.Tests.Retrieval;

public sealed class RetrieverTests
{
    private static readonly Query[] Queries = [new("q1", "x"), new("q2", "y")];

    private static InMemoryDataset Dataset() => new(
        "tiny",
        [new Document("a", string.Empty, "apple apple"), new Document("b", string.Empty, "banana"), new Document("c", string.Empty, "apple banana")],
        new Dictionary<Split, IReadOnlyList<Query>> { [Split.Test] = Queries },
        new Dictionary<Split, Qrels>());

    [Test]
    public void Dense_retrieval_ranks_by_the_encoders_vectors_in_eval_mode_and_restores_training_mode()
    {
        // Documents a = (1,0), b = (0,1), c = (1,1); queries q1 = (1,0), q2 = (0,2). Dot products by hand:
        // q1: a 1, b 0, c 1 -> a, c (tie by corpus position), b; q2: a 0, b 2, c 2 -> b, c, a.
        using var encoder = new TableEncoder(new()
        {
            ["apple apple"] = [1, 0], ["banana"] = [0, 1], ["apple banana"] = [1, 1], ["x"] = [1, 0], ["y"] = [0, 2],
        });
        encoder.Module.train();
        using var t = new TempDirectory();
        var store = new EncodedCorpusStore(new CacheStore(t.Path));
        var retriever = new DenseRetriever(encoder, new DenseRetrievalOptions { EncodeBatchSize = 2, Search = new DenseSearchOptions { Similarity = SimilarityFunction.Dot }, Store = store, EncoderKey = "table" });
        var progress = new List<long>();
        var run = retriever.Retrieve(Dataset(), Queries, 3);
        Assert.That(run.Select(l => l.QueryId), Is.EqualTo(new[] { "q1", "q2" }));
        Assert.That(run[0].Documents, Is.EqualTo(new[] { new ScoredDocument("a", 1), new ScoredDocument("c", 1), new ScoredDocument("b", 0) }));
        Assert.That(run[1].Documents, Is.EqualTo(new[] { new ScoredDocument("b", 2), new ScoredDocument("c", 2), new ScoredDocument("a", 0) }));
        Assert.That(encoder.SawTraining, Is.False, "encoded in eval mode");
        Assert.That(encoder.Module.training, Is.True, "training mode restored");
        Assert.That(store.Contains(Dataset().ContentHash, "table"), Is.True);

        using var batched = retriever.Encode(["x", "y", "banana"], TextRole.Query, new Progress(progress));
        Assert.That(batched.shape, Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(progress, Is.EqualTo(new long[] { 2, 3 }), "progress after each batch of 2");
    }

    [Test]
    public void Bm25_retrieval_returns_one_ranked_list_per_query_and_writes_trec_lines()
    {
        var ds = Dataset();
        using var retriever = Bm25Retriever.Open(ds, null, new Bm25Options());
        var run = retriever.Retrieve([new Query("q1", "banana"), new Query("q2", "cherry")], 10);
        Assert.That(retriever.Description, Is.EqualTo("bm25(k1=0.9,b=0.4)"));
        Assert.That(run[0].Documents.Select(d => d.DocumentId), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(run[1].Documents, Is.Empty);
        var text = new StringWriter();
        TrecRunWriter.WriteRun(text, [new RankedList("q1", [new ScoredDocument("b", 0.5), new ScoredDocument("c", 0.25)])], "r");
        Assert.That(text.ToString(), Is.EqualTo("q1 Q0 b 1 0.5 r\nq1 Q0 c 2 0.25 r\n"));
        Assert.Throws<FormatException>(() => TrecRunWriter.WriteRun(new StringWriter(), [new RankedList("q 1", [])], "r"));
    }

    private sealed class Progress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }

    /// <summary>An encoder that looks texts up in a table; records whether it was ever called in training mode.</summary>
    private sealed class TableEncoder(Dictionary<string, float[]> table) : IEncoder
    {
        private readonly nn.Module _module = nn.Linear(1, 1);

        public bool SawTraining { get; private set; }

        public int Dimension => 2;

        public nn.Module Module => _module;

        public Tensor Encode(IReadOnlyList<string> texts, TextRole role)
        {
            SawTraining |= _module.training;
            return tensor(texts.SelectMany(x => table[x]).ToArray(), [texts.Count, 2]);
        }

        public void Dispose() => _module.Dispose();
    }
}
