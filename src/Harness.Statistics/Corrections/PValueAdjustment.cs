namespace Harness.Statistics.Corrections;

/// <summary>
/// Adjusted p-values as R's <c>p.adjust(p, method = "holm" | "BH")</c> computes them: NaN entries are kept as NaN and
/// not counted in the number of tests m; the result is in the input's order.
/// </summary>
public static class PValueAdjustment
{
    /// <summary>Adjusts with the given method.</summary>
    /// <param name="pValues">Raw p-values.</param>
    /// <param name="method">The method.</param>
    /// <returns>Adjusted p-values, same order.</returns>
    public static double[] Adjust(IReadOnlyList<double> pValues, CorrectionMethod method) => method switch
    {
        CorrectionMethod.Holm => Holm(pValues),
        CorrectionMethod.BenjaminiHochberg => BenjaminiHochberg(pValues),
        CorrectionMethod.None => [.. pValues],
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>Holm (1979): with p₍₁₎ ≤ … ≤ p₍ₘ₎, adjusted p₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1) p₍ⱼ₎).</summary>
    /// <param name="pValues">Raw p-values.</param>
    /// <returns>Adjusted p-values, same order.</returns>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var (order, result) = Sorted(pValues);
        var m = order.Length;
        var running = 0.0;
        for (var i = 0; i < m; i++)
        {
            running = Math.Max(running, Math.Min(1, (m - i) * pValues[order[i]]));
            result[order[i]] = running;
        }

        return result;
    }

    /// <summary>Benjamini and Hochberg (1995): adjusted p₍ᵢ₎ = min over j ≥ i of min(1, m p₍ⱼ₎ / j).</summary>
    /// <param name="pValues">Raw p-values.</param>
    /// <returns>Adjusted p-values, same order.</returns>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var (order, result) = Sorted(pValues);
        var m = order.Length;
        var running = 1.0;
        for (var i = m - 1; i >= 0; i--)
        {
            running = Math.Min(running, Math.Min(1, m * pValues[order[i]] / (i + 1)));
            result[order[i]] = running;
        }

        return result;
    }

    /// <summary>Indices of the non-NaN p-values in ascending order (stable), and a result array pre-filled with NaN.</summary>
    private static (int[] Order, double[] Result) Sorted(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (!double.IsNaN(pValues[i]) && (pValues[i] < 0 || pValues[i] > 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), $"p-value {i} is {pValues[i]}, outside [0, 1]");
            }
        }

        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var result = new double[pValues.Count];
        Array.Fill(result, double.NaN);
        return (order, result);
    }
}
