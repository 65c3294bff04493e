namespace Harness.Evaluation;

/// <summary>trec_eval's evaluation parameters (its <c>-l</c>, <c>-M</c>, <c>-c</c>, <c>-J</c> and <c>-N</c> options).</summary>
public sealed record EvaluationOptions
{
    /// <summary>Default options: relevance level 1, no limit on retrieved documents, only queries present in the run.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary><c>-l</c>: the lowest qrels level that counts as relevant (default 1).</summary>
    public long RelevanceLevel { get; init; } = 1;

    /// <summary><c>-M</c>: keep only the first n documents per query after sorting (default: all).</summary>
    public long MaxDocumentsPerQuery { get; init; } = long.MaxValue;

    /// <summary><c>-c</c>: score qrels queries missing from the run as empty rankings instead of failing.</summary>
    public bool AverageOverComplete { get; init; }

    /// <summary><c>-J</c>: drop retrieved documents that are not in the qrels before evaluating.</summary>
    public bool JudgedDocumentsOnly { get; init; }

    /// <summary><c>-N</c>: the number of documents in the collection (used by utility's fourth coefficient).</summary>
    public long DocumentsInCollection { get; init; }

    /// <summary><c>-Z</c>: convert each query's values to z-scores with this table before averaging.</summary>
    public ZScoreTable? ZScores { get; init; }
}
