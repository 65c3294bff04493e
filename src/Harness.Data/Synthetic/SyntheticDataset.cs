using Harness.Abstractions.Datasets;
using Harness.Data.Hashing;

namespace Harness.Data.Synthetic;

/// <summary>
/// A deterministic synthetic topical collection (see <see cref="SyntheticOptions"/>). Each query has
/// <see cref="SyntheticOptions.RelevantPerQuery"/> relevant documents with grades 1..MaxGrade that share its
/// topic and carry its key terms (more of them at higher grades). In the training split a fraction
/// <see cref="SyntheticOptions.FalseNegativeRate"/> of the relevant pairs is left out of the judgments and
/// recorded as hidden positives: the count is the exact rounding of rate × training relevant pairs, spread over
/// the queries by cumulative rounding and chosen at random (seeded) within each query; every training query keeps
/// at least one labelled positive. With <see cref="SyntheticOptions.PoolDepth"/> above 0 (pooling bias), a training
/// query's judgments are instead exactly the documents a weak retriever put in its top PoolDepth (BM25 with k1 = 0.9,
/// b = 0.4 over the synthetic words), each judged with its true grade (0 when not relevant), as in TREC-style pooling
/// (Buckley et al., 2007, "Bias and the limits of pooling for large collections"); the relevant documents the pool
/// missed are hidden positives, so the unjudged relevant documents are exactly those a stronger retriever surfaces
/// and the weak one did not. A pooled training query whose pool holds no relevant document has no labelled positive
/// (training skips it). Dev and test keep complete judgments, so evaluation measures true effectiveness. The corpus
/// is generated lazily (a pooled dataset reads it once to index it); the content hash is computed on first use.
/// </summary>
public sealed class SyntheticDataset : IDataset
{
    private readonly Dictionary<Split, IReadOnlyList<Query>> _queries = [];
    private readonly Dictionary<Split, Qrels> _qrels = [];
    private readonly Dictionary<Split, Qrels> _hidden = [];
    private readonly Lazy<string> _hash;
    private readonly Lazy<string> _corpusHash;

    /// <summary>Generates the dataset's queries and judgments (documents are generated on access).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SyntheticDataset(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid synthetic options: " + string.Join("; ", problems), nameof(options));
        }

        Options = options;
        var model = new SyntheticModel(options);
        Corpus = new SyntheticCorpus(model);
        Name = options.PoolDepth > 0
            ? $"synthetic-{FormatCount(options.Documents)}-pool{options.PoolDepth}"
            : $"synthetic-{FormatCount(options.Documents)}";
        var pooling = options.PoolDepth > 0 ? new PoolingBm25(model, options.VocabularySize) : null;

        var lists = new[] { new List<Query>(), new List<Query>(), new List<Query>() };
        var qrels = new[] { new Qrels.Builder(), new Qrels.Builder(), new Qrels.Builder() };
        var hidden = new Qrels.Builder();
        var r = options.RelevantPerQuery;
        long trainPairs = 0, hiddenSoFar = 0;
        var picks = new int[r];
        for (var q = 0; q < options.Queries; q++)
        {
            var split = model.SplitOf(q);
            var qid = model.QueryId(q);
            lists[split].Add(new Query(qid, model.QueryText(q)));
            if (split == 0 && pooling is not null)
            {
                trainPairs += r;
                AddPooled(model, pooling, q, qid, qrels[0], hidden, options);
                continue;
            }

            var hiddenHere = 0;
            if (split == 0)
            {
                // Cumulative rounding: after this query, round(rate × pairs so far) pairs are hidden in total.
                trainPairs += r;
                var target = (long)Math.Round(options.FalseNegativeRate * trainPairs, MidpointRounding.AwayFromZero);
                hiddenHere = (int)Math.Clamp(target - hiddenSoFar, 0, r - 1);
                hiddenSoFar += hiddenHere;
            }

            // Choose which of the r relevant documents are hidden: a seeded partial Fisher-Yates shuffle.
            for (var k = 0; k < r; k++)
            {
                picks[k] = k;
            }

            var rng = model.HiddenRandom(q);
            for (var k = 0; k < hiddenHere; k++)
            {
                var j = k + rng.Next(r - k);
                (picks[k], picks[j]) = (picks[j], picks[k]);
            }

            for (var i = 0; i < r; i++)
            {
                var k = picks[i];
                var doc = model.DocumentId(model.RelevantDocument(q, k));
                if (i < hiddenHere)
                {
                    hidden.Add(qid, doc, model.Grade(q, k));
                }
                else
                {
                    qrels[split].Add(qid, doc, model.Grade(q, k));
                }
            }
        }

        var splits = new[] { Split.Train, Split.Dev, Split.Test };
        for (var s = 0; s < 3; s++)
        {
            _queries[splits[s]] = lists[s];
            _qrels[splits[s]] = qrels[s].Build();
            _hidden[splits[s]] = Qrels.Empty;
        }

        _hidden[Split.Train] = hidden.Build();
        TrainingRelevantPairs = trainPairs;
        Splits = splits.Where(s => _queries[s].Count > 0).ToArray();
        _hash = new Lazy<string>(() => DatasetHasher.Compute(this), LazyThreadSafetyMode.ExecutionAndPublication);
        _corpusHash = new Lazy<string>(() => DatasetContentHash.ComputeCorpus(Corpus), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The options the dataset was generated with.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>The number of relevant (query, document) pairs of the training split, hidden or not.</summary>
    public long TrainingRelevantPairs { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string ContentHash => _hash.Value;

    /// <summary>
    /// The canonical corpus hash (<see cref="DatasetContentHash.ComputeCorpus"/>), computed on first use: the
    /// corpus depends only on the corpus options, so caches built from documents (BM25 indexes, encoded corpora)
    /// are shared by datasets that differ in queries or judgments only.
    /// </summary>
    public string CorpusHash => _corpusHash.Value;

    /// <inheritdoc />
    public IReadOnlyList<Document> Corpus { get; }

    /// <inheritdoc />
    public IReadOnlyList<Split> Splits { get; }

    /// <inheritdoc />
    public IReadOnlyList<Query> GetQueries(Split split) => _queries[split];

    /// <inheritdoc />
    public Qrels GetQrels(Split split) => _qrels[split];

    /// <inheritdoc />
    public Qrels GetHiddenPositives(Split split) => _hidden[split];

    private static void AddPooled(SyntheticModel model, PoolingBm25 pooling, int q, string qid, Qrels.Builder judged, Qrels.Builder hidden, SyntheticOptions options)
    {
        var pool = pooling.Search(model.QueryWordIds(q), options.PoolDepth);
        var inPool = new HashSet<int>(pool);
        foreach (var d in pool)
        {
            var (relevantTo, k) = model.RelevanceOf(d);
            judged.Add(qid, model.DocumentId(d), relevantTo == q ? model.Grade(q, k) : 0);
        }

        for (var k = 0; k < options.RelevantPerQuery; k++)
        {
            var d = model.RelevantDocument(q, k);
            if (!inPool.Contains(d))
            {
                hidden.Add(qid, model.DocumentId(d), model.Grade(q, k));
            }
        }
    }

    private static string FormatCount(int n) =>
        n % 1_000_000 == 0 ? $"{n / 1_000_000}m" : n % 1_000 == 0 ? $"{n / 1_000}k" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
