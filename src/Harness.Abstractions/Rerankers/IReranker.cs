using Harness.Abstractions.Datasets;

namespace Harness.Abstractions.Rerankers;

/// <summary>
/// Re-scores the candidates of a first-stage ranking. Deterministic: the same query and candidates give the same
/// scores. Higher scores rank first. A reranker sees only the training view (no hidden positives, no dev/test
/// judgments).
/// </summary>
public interface IReranker
{
    /// <summary>Prepares collection-level state (term statistics, a model) from the training view. The default does nothing.</summary>
    /// <param name="training">The training view of the dataset the candidates come from.</param>
    void Prepare(ITrainingData training)
    {
    }

    /// <summary>Scores every candidate.</summary>
    /// <param name="query">The query.</param>
    /// <param name="candidates">The candidates, in first-stage order.</param>
    /// <returns>One finite score per candidate, in the same order.</returns>
    IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates);

    /// <summary>
    /// Scores the union of the requested first-stage lists (fusion uses each candidate's hits). The default ignores
    /// the hits and calls <see cref="Score(Query, IReadOnlyList{Document})"/>.
    /// </summary>
    /// <param name="request">The query and candidates with their first-stage hits.</param>
    /// <returns>One finite score per candidate, in the same order.</returns>
    IReadOnlyList<double> Score(RerankRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Score(request.Query, request.Candidates.Select(c => c.Document).ToList());
    }
}
