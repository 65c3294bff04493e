namespace Harness.Statistics.Rankings;

/// <summary>
/// Rank-biased overlap (Webber, Moffat and Zobel, "A similarity measure for indefinite rankings", TOIS 2010): the
/// extrapolated RBO_ext of eq. (32), which handles lists of different lengths and gives 1 for identical lists and
/// 0 for disjoint ones. The persistence p weights the top: with p = 0.9 the first 10 ranks carry about 86% of the
/// weight. Written out here because no .NET library provides it.
/// </summary>
public static class RankBiasedOverlap
{
    /// <summary>The default persistence.</summary>
    public const double DefaultPersistence = 0.9;

    /// <summary>RBO_ext of two rankings (items best first; each list without duplicates).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="first">First ranking.</param>
    /// <param name="second">Second ranking.</param>
    /// <param name="persistence">p in (0, 1).</param>
    /// <returns>RBO_ext in [0, 1]; 1 when both lists are empty.</returns>
    public static double Extrapolated<T>(IReadOnlyList<T> first, IReadOnlyList<T> second, double persistence = DefaultPersistence)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(persistence, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(persistence, 1);
        var (shortList, longList) = first.Count <= second.Count ? (first, second) : (second, first);
        var s = shortList.Count;
        var l = longList.Count;
        if (l == 0)
        {
            return 1;
        }

        if (s == 0)
        {
            return 0;
        }

        var p = persistence;
        var seenShort = new HashSet<T>();
        var seenLong = new HashSet<T>();
        var overlap = 0; // X_d: items at depth d present in both prefixes
        var sum = 0.0;
        var xs = 0; // X_s
        var weight = 1.0; // p^d
        for (var d = 1; d <= l; d++)
        {
            weight *= p;
            var itemLong = longList[d - 1];
            if (d <= s)
            {
                var itemShort = shortList[d - 1];
                if (EqualityComparer<T>.Default.Equals(itemShort, itemLong))
                {
                    overlap++;
                }
                else
                {
                    if (seenLong.Contains(itemShort))
                    {
                        overlap++;
                    }

                    if (seenShort.Contains(itemLong))
                    {
                        overlap++;
                    }
                }

                seenShort.Add(itemShort);
                seenLong.Add(itemLong);
                if (d == s)
                {
                    xs = overlap;
                }
            }
            else
            {
                if (seenShort.Contains(itemLong))
                {
                    overlap++;
                }

                seenLong.Add(itemLong);
                // Eq. (32)'s second sum: the short list's unseen tail is assumed to agree at rate X_s / s.
                sum += xs * (double)(d - s) / (s * (double)d) * weight;
            }

            sum += overlap / (double)d * weight;
        }

        var xl = overlap;
        var tail = (((double)(xl - xs) / l) + ((double)xs / s)) * weight; // weight is p^l here
        return ((1 - p) / p * sum) + tail;
    }
}
