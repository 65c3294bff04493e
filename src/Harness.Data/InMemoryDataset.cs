using Harness.Abstractions.Datasets;
using Harness.Data.Hashing;

namespace Harness.Data;

/// <summary>
/// An <see cref="IDataset"/> held in memory. The corpus is kept in ordinal id order and queries of each split in
/// ordinal id order, so the same content always gives the same order and the same <see cref="ContentHash"/>.
/// The constructor checks the invariants every dataset must hold (unique ids, disjoint splits, judged documents
/// in the corpus, judged queries in their split); use <see cref="DatasetFormatException"/>-throwing readers for
/// file-level errors.
/// </summary>
public sealed class InMemoryDataset : IDataset
{
    private static readonly Split[] AllSplits = [Split.Train, Split.Dev, Split.Test];
    private readonly Dictionary<Split, IReadOnlyList<Query>> _queries;
    private readonly Dictionary<Split, Qrels> _qrels;
    private readonly Dictionary<Split, Qrels> _hidden;
    private readonly Lazy<string> _hash;
    private readonly Lazy<string> _corpusHash;

    /// <summary>Creates the dataset and validates it.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="corpus">Documents (any order; sorted here when not already in ordinal id order).</param>
    /// <param name="queries">Queries per split.</param>
    /// <param name="qrels">Judgments per split (missing split = none).</param>
    /// <param name="hiddenPositives">Hidden positives per split (missing split = none).</param>
    /// <param name="contentHash">A known content hash (from a cache entry); null computes it on first use.</param>
    /// <exception cref="ArgumentException">An invariant does not hold.</exception>
    public InMemoryDataset(
        string name,
        IReadOnlyList<Document> corpus,
        IReadOnlyDictionary<Split, IReadOnlyList<Query>> queries,
        IReadOnlyDictionary<Split, Qrels> qrels,
        IReadOnlyDictionary<Split, Qrels>? hiddenPositives = null,
        string? contentHash = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(qrels);
        Name = name;
        Corpus = IsSorted(corpus, d => d.Id) ? corpus : corpus.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        _queries = AllSplits.ToDictionary(s => s, s => queries.TryGetValue(s, out var q)
            ? IsSorted(q, x => x.Id) ? q : q.OrderBy(x => x.Id, StringComparer.Ordinal).ToArray()
            : (IReadOnlyList<Query>)[]);
        _qrels = AllSplits.ToDictionary(s => s, s => qrels.TryGetValue(s, out var q) ? q : Qrels.Empty);
        _hidden = AllSplits.ToDictionary(s => s, s => hiddenPositives is not null && hiddenPositives.TryGetValue(s, out var q) ? q : Qrels.Empty);
        Splits = AllSplits.Where(s => _queries[s].Count > 0).ToArray();
        Validate();
        _hash = contentHash is null
            ? new Lazy<string>(() => DatasetHasher.Compute(this), LazyThreadSafetyMode.ExecutionAndPublication)
            : new Lazy<string>(contentHash);
        _corpusHash = new Lazy<string>(() => DatasetContentHash.ComputeCorpus(Corpus), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string ContentHash => _hash.Value;

    /// <summary>
    /// The canonical corpus hash (<see cref="DatasetContentHash.ComputeCorpus"/>), computed on first use: caches
    /// built from documents alone (BM25 indexes, encoded corpora) survive a change of queries or judgments.
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

    private static bool IsSorted<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(key(items[i - 1]), key(items[i])) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Validate()
    {
        var docIds = new HashSet<string>(Corpus.Count, StringComparer.Ordinal);
        foreach (var d in Corpus)
        {
            if (!docIds.Add(d.Id))
            {
                throw new ArgumentException($"duplicate document id '{d.Id}'");
            }
        }

        var splitOf = new Dictionary<string, Split>(StringComparer.Ordinal);
        foreach (var split in AllSplits)
        {
            foreach (var q in _queries[split])
            {
                if (!splitOf.TryAdd(q.Id, split))
                {
                    throw new ArgumentException(splitOf[q.Id] == split
                        ? $"duplicate query id '{q.Id}' in split {split}"
                        : $"query '{q.Id}' is in two splits ({splitOf[q.Id]} and {split})");
                }
            }
        }

        foreach (var split in AllSplits)
        {
            foreach (var (kind, qrels) in new[] { ("judgment", _qrels[split]), ("hidden positive", _hidden[split]) })
            {
                foreach (var qid in qrels.QueryIds)
                {
                    if (!splitOf.TryGetValue(qid, out var s) || s != split)
                    {
                        throw new ArgumentException($"{kind} of split {split} names query '{qid}', which is not a query of that split");
                    }

                    foreach (var did in qrels.For(qid).Keys)
                    {
                        if (!docIds.Contains(did))
                        {
                            throw new ArgumentException($"{kind} of query '{qid}' names document '{did}', which is not in the corpus");
                        }
                    }
                }
            }

            foreach (var (qid, did, _) in _hidden[split].All())
            {
                if (_qrels[split].Grade(qid, did) is not null)
                {
                    throw new ArgumentException($"hidden positive ('{qid}', '{did}') is also in the judgments of split {split}");
                }
            }
        }
    }
}
