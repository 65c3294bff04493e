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
/// at least one labelled positive. The corpus is generated lazily; the content hash is computed on first use.
/// </summary>
public sealed class SyntheticDataset : IDataset
{
    private readonly Dictionary<Split, IReadOnlyList<Query>> _queries = [];
    private readonly Dictionary<Split, Qrels> _qrels = [];
    private readonly Dictionary<Split, Qrels> _hidden = [];
    private readonly Lazy<string> _hash;

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
        Name = $"synthetic-{FormatCount(options.Documents)}";

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
    }

    /// <summary>The options the dataset was generated with.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>The number of relevant (query, document) pairs of the training split, hidden or not.</summary>
    public long TrainingRelevantPairs { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string ContentHash => _hash.Value;

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

    private static string FormatCount(int n) =>
        n % 1_000_000 == 0 ? $"{n / 1_000_000}m" : n % 1_000 == 0 ? $"{n / 1_000}k" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
