namespace Harness.Statistics.Corrections;

/// <summary>How p-values of many comparisons are adjusted.</summary>
public enum CorrectionMethod
{
    /// <summary>Holm's step-down method: controls the family-wise error rate (any false rejection).</summary>
    Holm,

    /// <summary>Benjamini-Hochberg step-up method: controls the false discovery rate.</summary>
    BenjaminiHochberg,

    /// <summary>No adjustment.</summary>
    None,
}
