namespace Harness.Abstractions.Datasets;

/// <summary>A query split. Splits of a dataset are disjoint.</summary>
public enum Split
{
    /// <summary>Queries and judgments used for training (and for negative sampling).</summary>
    Train,

    /// <summary>Queries used for model selection.</summary>
    Dev,

    /// <summary>Queries used for the reported numbers.</summary>
    Test,
}
