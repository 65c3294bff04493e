namespace Harness.Abstractions.Datasets;

/// <summary>
/// Graded relevance judgments: query id → document id → grade. A grade &gt; 0 is relevant; 0 is judged
/// non-relevant; a negative grade is judged but unjudgeable (trec_eval's convention). Immutable; build with
/// <see cref="Builder"/>.
/// </summary>
public sealed class Qrels
{
    private static readonly IReadOnlyDictionary<string, int> NoJudgments = new Dictionary<string, int>();
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> _byQuery;

    private Qrels(Dictionary<string, IReadOnlyDictionary<string, int>> byQuery)
    {
        _byQuery = byQuery;
        Count = byQuery.Values.Sum(d => d.Count);
    }

    /// <summary>Judgments with no entries.</summary>
    public static Qrels Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal));

    /// <summary>The number of (query, document) judgments.</summary>
    public int Count { get; }

    /// <summary>The judged query ids in ordinal order.</summary>
    public IEnumerable<string> QueryIds => _byQuery.Keys.Order(StringComparer.Ordinal);

    /// <summary>The judgments of one query (empty when it has none).</summary>
    /// <param name="queryId">The query id.</param>
    /// <returns>Document id → grade.</returns>
    public IReadOnlyDictionary<string, int> For(string queryId) =>
        _byQuery.TryGetValue(queryId, out var d) ? d : NoJudgments;

    /// <summary>The grade of a document for a query, or null when it is not judged.</summary>
    /// <param name="queryId">The query id.</param>
    /// <param name="documentId">The document id.</param>
    /// <returns>The grade or null.</returns>
    public int? Grade(string queryId, string documentId) =>
        _byQuery.TryGetValue(queryId, out var d) && d.TryGetValue(documentId, out var g) ? g : null;

    /// <summary>The documents judged at least <paramref name="minGrade"/> for a query, in ordinal order.</summary>
    /// <param name="queryId">The query id.</param>
    /// <param name="minGrade">The lowest grade that counts as relevant (default 1).</param>
    /// <returns>Relevant document ids.</returns>
    public IReadOnlyList<string> Relevant(string queryId, int minGrade = 1) =>
        For(queryId).Where(p => p.Value >= minGrade).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether a document is judged at least <paramref name="minGrade"/> for a query.</summary>
    /// <param name="queryId">The query id.</param>
    /// <param name="documentId">The document id.</param>
    /// <param name="minGrade">The lowest grade that counts as relevant (default 1).</param>
    /// <returns>True when relevant.</returns>
    public bool IsRelevant(string queryId, string documentId, int minGrade = 1) =>
        Grade(queryId, documentId) is { } g && g >= minGrade;

    /// <summary>Every judgment, ordered by query id then document id (ordinal).</summary>
    /// <returns>(query id, document id, grade) triples.</returns>
    public IEnumerable<(string QueryId, string DocumentId, int Grade)> All()
    {
        foreach (var q in QueryIds)
        {
            foreach (var p in _byQuery[q].OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                yield return (q, p.Key, p.Value);
            }
        }
    }

    /// <summary>Collects judgments; a repeated (query, document) pair is an error.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, Dictionary<string, int>> _byQuery = new(StringComparer.Ordinal);

        /// <summary>Adds one judgment.</summary>
        /// <param name="queryId">The query id.</param>
        /// <param name="documentId">The document id.</param>
        /// <param name="grade">The grade.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">The pair was already added.</exception>
        public Builder Add(string queryId, string documentId, int grade)
        {
            ArgumentNullException.ThrowIfNull(queryId);
            ArgumentNullException.ThrowIfNull(documentId);
            if (!_byQuery.TryGetValue(queryId, out var d))
            {
                d = new Dictionary<string, int>(StringComparer.Ordinal);
                _byQuery.Add(queryId, d);
            }

            if (!d.TryAdd(documentId, grade))
            {
                throw new ArgumentException($"duplicate judgment for query '{queryId}', document '{documentId}'");
            }

            return this;
        }

        /// <summary>Whether the pair has been added.</summary>
        /// <param name="queryId">The query id.</param>
        /// <param name="documentId">The document id.</param>
        /// <returns>True when present.</returns>
        public bool Contains(string queryId, string documentId) =>
            _byQuery.TryGetValue(queryId, out var d) && d.ContainsKey(documentId);

        /// <summary>Freezes the judgments.</summary>
        /// <returns>The qrels.</returns>
        public Qrels Build() => new(_byQuery.ToDictionary(
            p => p.Key,
            p => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>(p.Value, StringComparer.Ordinal),
            StringComparer.Ordinal));
    }
}
