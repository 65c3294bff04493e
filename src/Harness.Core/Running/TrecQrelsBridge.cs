namespace Harness.Core.Running;

/// <summary>
/// The bridge from the contracts' judgments (<c>Harness.Abstractions.Data.Qrels</c>, string maps) to the evaluator's
/// byte-keyed <c>Harness.Evaluation.Qrels</c> (ARCHITECTURE.md: one bridge, named for what it is).
/// </summary>
public static class TrecQrelsBridge
{
    /// <summary>Copies every judgment.</summary>
    /// <param name="judgments">The contracts' judgments.</param>
    /// <returns>The evaluator's judgments.</returns>
    public static Harness.Evaluation.Qrels Build(Harness.Abstractions.Data.Qrels judgments)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        var qrels = new Harness.Evaluation.Qrels();
        foreach (var (queryId, documentId, grade) in judgments.All())
        {
            qrels.Add(queryId, documentId, grade);
        }

        return qrels;
    }
}
