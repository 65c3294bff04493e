namespace Harness.Statistics.Rankings;

/// <summary>
/// Kendall's tau-b between two rankings of the same items (scipy's <c>stats.kendalltau</c>, variant b): concordant
/// minus discordant pairs over √((n₀ − n₁)(n₀ − n₂)), with n₁, n₂ the pairs tied in either ranking. Written out here
/// because MathNet has no Kendall correlation; O(n²), fine for a run's top 1,000.
/// </summary>
public static class KendallTau
{
    /// <summary>Tau-b of paired scores (for example two runs' scores of the documents both retrieved).</summary>
    /// <param name="x">First scores.</param>
    /// <param name="y">Second scores, same items in the same order.</param>
    /// <returns>Tau-b in [−1, 1]; NaN when fewer than two items or either side is all ties.</returns>
    public static double TauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"rankings differ in length ({x.Count} and {y.Count})", nameof(y));
        }

        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                pairs++;
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                if (dx == 0)
                {
                    tiedX++;
                }

                if (dy == 0)
                {
                    tiedY++;
                }

                if (dx != 0 && dy != 0)
                {
                    if (dx == dy)
                    {
                        concordant++;
                    }
                    else
                    {
                        discordant++;
                    }
                }
            }
        }

        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }
}
