namespace Harness.Evaluation.Measures;

/// <summary>How a measure's value is printed: <c>%6.4f</c>, <c>%ld</c>, or text (runid).</summary>
public enum MeasureValueKind
{
    /// <summary>A real number, printed <c>%6.4f</c>.</summary>
    Float,

    /// <summary>A count, printed <c>%ld</c>.</summary>
    Count,

    /// <summary>Text (the run id).</summary>
    Text,

    /// <summary>A string per query (relstring), printed <c>'%s'</c> on query lines and not on <c>all</c>.</summary>
    QueryText,
}
