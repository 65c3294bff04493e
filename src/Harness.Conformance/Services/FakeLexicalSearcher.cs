using Harness.Abstractions.Datasets;
using Harness.Abstractions.Services;

namespace Harness.Conformance.Services;

/// <summary>
/// A deterministic stand-in for the host's BM25 service: scores each document by the number of distinct query terms
/// it contains, ties broken by corpus order; documents with no query term are not returned. Counts its calls.
/// </summary>
/// <param name="training">The training view whose corpus is searched.</param>
public sealed class FakeLexicalSearcher(ITrainingData training) : ILexicalSearcher
{
    /// <summary>How many searches were made.</summary>
    public int Calls { get; private set; }

    /// <inheritdoc />
    public string Description => "term-overlap(conformance)";

    /// <inheritdoc />
    public IReadOnlyList<ScoredCandidate> Search(Query query, int depth)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        Calls++;
        return training.Corpus
            .Select((d, i) => (Id: d.Id, Index: i, Score: TermOverlap.Score(query.Text, d.FullText)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Take(depth)
            .Select((x, rank) => new ScoredCandidate(x.Id, x.Score, rank))
            .ToList();
    }
}
