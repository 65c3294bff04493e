namespace Harness.Statistics.Significance;

/// <summary>Differences of paired observations, checked once for the paired tests.</summary>
internal static class PairedSamples
{
    public static double[] Differences(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"paired samples differ in length ({a.Count} and {b.Count})", nameof(b));
        }

        var d = new double[a.Count];
        for (var i = 0; i < d.Length; i++)
        {
            if (!double.IsFinite(a[i]) || !double.IsFinite(b[i]))
            {
                throw new ArgumentException($"pair {i} is not finite ({a[i]}, {b[i]})", nameof(a));
            }

            d[i] = a[i] - b[i];
        }

        return d;
    }
}
