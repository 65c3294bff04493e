using MathNet.Numerics.Random;

namespace Harness.Statistics.Significance;

/// <summary>
/// The paired randomization test IR evaluation uses (Smucker, Allan and Carterette, CIKM 2007; Fisher's sign-flip
/// test): under the null hypothesis the two systems' labels are exchangeable per query, so each difference a − b is
/// equally likely to carry either sign. The statistic is |Σ dᵢ| (equivalently the absolute mean difference).
/// Two-sided p-value:
/// <list type="bullet">
/// <item>exact, when 2^n does not exceed the permutation budget: the share of all 2^n sign assignments whose |Σ ± dᵢ|
/// reaches the observed one (the observed assignment included);</item>
/// <item>Monte Carlo otherwise: (1 + hits) / (1 + R) over R seeded random assignments, the estimator that never gives 0
/// (Phipson and Smyth, 2010).</item>
/// </list>
/// Random signs come from MathNet's xoshiro256** seeded with <c>seed</c>, so a seed gives the same p-value on every
/// machine.
/// </summary>
public static class RandomizationTest
{
    /// <summary>The default number of random permutations.</summary>
    public const int DefaultPermutations = 10_000;

    /// <summary>Tests whether a and b differ, paired by position.</summary>
    /// <param name="a">First system's values, one per query.</param>
    /// <param name="b">Second system's values, same queries in the same order.</param>
    /// <param name="permutations">Random sign assignments to draw when enumerating would take more.</param>
    /// <param name="seed">Seed of the random signs.</param>
    /// <returns>The result.</returns>
    public static RandomizationResult Test(IReadOnlyList<double> a, IReadOnlyList<double> b, int permutations = DefaultPermutations, long seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var d = PairedSamples.Differences(a, b);
        var n = d.Length;
        if (n == 0)
        {
            return new RandomizationResult(0, double.NaN, double.NaN, 0, true);
        }

        var observed = 0.0;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            observed += d[i];
            scale += Math.Abs(d[i]);
        }

        var mean = observed / n;
        var threshold = Math.Abs(observed) - (1e-12 * scale); // sums that equal the observed one up to rounding count as reaching it
        if (n < 31 && (1L << n) <= permutations)
        {
            return Exact(d, threshold, mean);
        }

        var random = new Xoshiro256StarStar(unchecked((int)seed ^ (int)(seed >> 32)), threadSafe: false);
        var bits = new byte[(n + 7) / 8];
        long hits = 0;
        for (var r = 0; r < permutations; r++)
        {
            random.NextBytes(bits);
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += (bits[i >> 3] & (1 << (i & 7))) != 0 ? -d[i] : d[i];
            }

            if (Math.Abs(sum) >= threshold)
            {
                hits++;
            }
        }

        return new RandomizationResult(n, mean, (1.0 + hits) / (1.0 + permutations), permutations, false);
    }

    private static RandomizationResult Exact(double[] d, double threshold, double mean)
    {
        var n = d.Length;
        var total = 1L << n;
        long hits = 0;
        for (long mask = 0; mask < total; mask++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += (mask & (1L << i)) != 0 ? -d[i] : d[i];
            }

            if (Math.Abs(sum) >= threshold)
            {
                hits++;
            }
        }

        return new RandomizationResult(n, mean, (double)hits / total, total, true);
    }
}
