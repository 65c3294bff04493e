using Harness.Abstractions.Data;

namespace Harness.Abstractions.Ranking;

/// <summary>
/// Re-scores the candidates of a first-stage ranking. Deterministic: the same query and candidates give the same
/// scores. Higher scores rank first.
/// </summary>
public interface IReranker
{
    /// <summary>Prepares collection-level state (term statistics, a model) from the dataset. The default does nothing.</summary>
    /// <param name="dataset">The dataset the candidates come from.</param>
    void Prepare(IDataset dataset)
    {
    }

    /// <summary>Scores every candidate.</summary>
    /// <param name="query">The query.</param>
    /// <param name="candidates">The candidates, in first-stage order.</param>
    /// <returns>One finite score per candidate, in the same order.</returns>
    IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates);
}
