using Harness.Abstractions.Datasets;

namespace Harness.Training.Batching;

/// <summary>
/// The one rule for which in-batch columns can never be a negative of a row: padding, the row's own positive(s), and
/// any labelled positive of the row's query in the TRAINING judgments. Used by the batch builder (the loss's
/// InBatchExcluded mask) and by the host's false-negative accounting, so both count the same columns.
/// </summary>
internal static class InBatchExclusion
{
    /// <summary>Whether column <paramref name="documentId"/> is excluded as a negative of the row.</summary>
    /// <param name="documentId">The column's document id; null for padding.</param>
    /// <param name="queryId">The row's query.</param>
    /// <param name="positiveIds">The row's positive(s) in the batch.</param>
    /// <param name="judgments">The training judgments (never hidden positives).</param>
    /// <param name="positiveGrade">The cell's labelled-positive threshold.</param>
    /// <returns>True when the column must not be a negative of the row.</returns>
    public static bool IsExcluded(string? documentId, string queryId, IReadOnlyList<string> positiveIds, Qrels judgments, int positiveGrade)
    {
        if (documentId is null)
        {
            return true;
        }

        foreach (var p in positiveIds)
        {
            if (string.Equals(p, documentId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return judgments.IsRelevant(queryId, documentId, positiveGrade);
    }
}
