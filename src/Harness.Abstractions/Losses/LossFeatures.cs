namespace Harness.Abstractions.Losses;

/// <summary>What a loss configuration reads or does beyond queries, documents and labels.</summary>
[Flags]
public enum LossFeatures
{
    /// <summary>Nothing beyond the required fields.</summary>
    None = 0,

    /// <summary>Honours <see cref="LossBatch.Mask"/> (ragged candidate lists, sampler shortfalls).</summary>
    Mask = 1,

    /// <summary>Honours <see cref="LossBatch.InBatchExcluded"/>.</summary>
    InBatchExcluded = 2,

    /// <summary>Honours <see cref="LossBatch.Weights"/>.</summary>
    Weights = 4,

    /// <summary>Reads <see cref="LossBatch.TeacherScores"/> (required: the host must provide a teacher).</summary>
    TeacherScores = 8,

    /// <summary>Reads <see cref="LossBatch.Features"/> (required).</summary>
    Features = 16,

    /// <summary>Reads <see cref="LossBatch.Generator"/>.</summary>
    Generator = 32,

    /// <summary>The instance also implements <see cref="IScoreLoss"/> (usable to train rerankers).</summary>
    Scores = 64,

    /// <summary>This configuration uses the other queries' candidates as negatives (in-batch negatives).</summary>
    InBatchNegatives = 128,
}
