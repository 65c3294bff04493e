using System.Collections;

namespace Harness.Abstractions.Datasets;

/// <summary>
/// The one implementation of <see cref="ITrainingData"/>: a redacted, training-only view of a dataset. It copies the
/// train queries and judgments and wraps the corpus; it keeps no reference to the dataset, so nothing reachable from
/// it (not even by a cast) leads to hidden positives or dev/test judgments. The host gives it to samplers and
/// rerankers; plugin authors use it in tests.
/// </summary>
public sealed class TrainingDataView : ITrainingData
{
    private readonly Lazy<Dictionary<string, int>> _index;
    private readonly Lazy<string> _contentHash;
    private readonly Lazy<string> _corpusHash;

    private TrainingDataView(string name, IReadOnlyList<Document> corpus, Func<string> corpusHash, IReadOnlyList<Query> queries, Qrels judgments, int positiveGrade)
    {
        Name = name;
        Corpus = new CorpusView(corpus);
        Queries = queries;
        Judgments = judgments;
        PositiveGrade = positiveGrade;
        _corpusHash = new Lazy<string>(corpusHash);
        _index = new Lazy<Dictionary<string, int>>(BuildIndex);
        _contentHash = new Lazy<string>(() => DatasetContentHash.ComputeTrainingView(this));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string CorpusHash => _corpusHash.Value;

    /// <inheritdoc />
    public string ContentHash => _contentHash.Value;

    /// <inheritdoc />
    public IReadOnlyList<Document> Corpus { get; }

    /// <inheritdoc />
    public IReadOnlyList<Query> Queries { get; }

    /// <inheritdoc />
    public Qrels Judgments { get; }

    /// <inheritdoc />
    public int PositiveGrade { get; }

    /// <summary>Builds the training view of a dataset.</summary>
    /// <param name="dataset">The full dataset (not retained).</param>
    /// <param name="positiveGrade">The lowest grade that counts as a labelled positive (≥ 1).</param>
    /// <returns>The view: corpus, train queries, train judgments.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="positiveGrade"/> is below 1.</exception>
    public static TrainingDataView Create(IDataset dataset, int positiveGrade = 1)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(positiveGrade, 1);
        var hasTrain = dataset.Splits.Contains(Split.Train);
        var queries = hasTrain ? dataset.GetQueries(Split.Train).ToArray() : [];
        var judgments = hasTrain ? CopyOf(dataset.GetQrels(Split.Train)) : Qrels.Empty;

        // Capture the corpus list and the corpus hash, never the dataset itself.
        var corpusHash = dataset.CorpusHash;
        return new TrainingDataView(dataset.Name, dataset.Corpus, () => corpusHash, queries, judgments, positiveGrade);
    }

    /// <summary>Builds a view from its parts (for tests and for hosts that hold the parts already).</summary>
    /// <param name="name">Display name.</param>
    /// <param name="corpus">The corpus.</param>
    /// <param name="queries">The training queries.</param>
    /// <param name="judgments">The training judgments.</param>
    /// <param name="positiveGrade">The lowest grade that counts as a labelled positive (≥ 1).</param>
    /// <returns>The view; its corpus hash is the canonical corpus hash.</returns>
    public static TrainingDataView FromParts(string name, IReadOnlyList<Document> corpus, IReadOnlyList<Query> queries, Qrels judgments, int positiveGrade = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentOutOfRangeException.ThrowIfLessThan(positiveGrade, 1);
        return new TrainingDataView(name, corpus, () => DatasetContentHash.ComputeCorpus(corpus), queries.ToArray(), CopyOf(judgments), positiveGrade);
    }

    /// <summary>The same view with another positive-grade threshold.</summary>
    /// <param name="positiveGrade">The lowest grade that counts as a labelled positive (≥ 1).</param>
    /// <returns>A new view sharing the corpus.</returns>
    public TrainingDataView WithPositiveGrade(int positiveGrade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(positiveGrade, 1);
        var hash = _corpusHash;
        return new TrainingDataView(Name, ((CorpusView)Corpus).Inner, () => hash.Value, Queries, Judgments, positiveGrade);
    }

    /// <inheritdoc />
    public int IndexOf(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return _index.Value.TryGetValue(documentId, out var i) ? i : -1;
    }

    /// <inheritdoc />
    public bool IsLabelledPositive(string queryId, string documentId) => Judgments.IsRelevant(queryId, documentId, PositiveGrade);

    /// <inheritdoc />
    public IReadOnlyList<string> LabelledPositives(string queryId) => Judgments.Relevant(queryId, PositiveGrade);

    private static Qrels CopyOf(Qrels qrels)
    {
        var b = new Qrels.Builder();
        foreach (var (q, d, g) in qrels.All())
        {
            b.Add(q, d, g);
        }

        return b.Build();
    }

    private Dictionary<string, int> BuildIndex()
    {
        var corpus = Corpus;
        var index = new Dictionary<string, int>(corpus.Count, StringComparer.Ordinal);
        for (var i = 0; i < corpus.Count; i++)
        {
            index.TryAdd(corpus[i].Id, i);
        }

        return index;
    }

    /// <summary>Wraps the dataset's corpus list so that a cast cannot reach the dataset object behind it.</summary>
    private sealed class CorpusView(IReadOnlyList<Document> inner) : IReadOnlyList<Document>
    {
        public IReadOnlyList<Document> Inner { get; } = inner;

        public int Count => Inner.Count;

        public Document this[int index] => Inner[index];

        public IEnumerator<Document> GetEnumerator()
        {
            for (var i = 0; i < Inner.Count; i++)
            {
                yield return Inner[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
