namespace Harness.Statistics.Tests;

/// <summary>Paired per-query values used by several tests (ten queries, two systems).</summary>
internal static class ReferenceData
{
    public static readonly double[] A = [0.52, 0.31, 0.77, 0.12, 0.45, 0.66, 0.29, 0.81, 0.40, 0.58];
    public static readonly double[] B = [0.48, 0.35, 0.70, 0.10, 0.41, 0.60, 0.33, 0.72, 0.38, 0.51];
}
