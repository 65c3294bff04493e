using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.Services;

/// <summary>
/// Host BM25 search over the training view's corpus (the host's Lucene index, cached by corpus hash). Given to
/// negative samplers that declare <see cref="NegativeSamplers.SamplerNeeds.Lexical"/>; plugins never build their own
/// index or link the host's retrieval library. Thread-safe.
/// </summary>
public interface ILexicalSearcher
{
    /// <summary>What the searcher is, for result metadata: <c>bm25(k1=0.9,b=0.4,analyzer=english)</c>.</summary>
    string Description { get; }

    /// <summary>The top documents for a query, best first (ties broken by document order).</summary>
    /// <param name="query">The query.</param>
    /// <param name="depth">How many (≥ 1; fewer when fewer match).</param>
    /// <returns>The ranked candidates.</returns>
    IReadOnlyList<ScoredCandidate> Search(Query query, int depth);
}
