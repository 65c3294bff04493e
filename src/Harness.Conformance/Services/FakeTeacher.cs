using Harness.Abstractions.Datasets;
using Harness.Abstractions.Rerankers;

namespace Harness.Conformance.Services;

/// <summary>A deterministic stand-in teacher for sampler conformance: the share of query terms a document contains.</summary>
public sealed class FakeTeacher : IReranker
{
    /// <summary>How many Score calls were made.</summary>
    public int Calls { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        Calls++;
        var n = Math.Max(1, TermOverlap.Terms(query.Text).Distinct(StringComparer.Ordinal).Count());
        return candidates.Select(d => (double)TermOverlap.Score(query.Text, d.FullText) / n).ToList();
    }
}
