using System.Text;
using Harness.Leaderboard.Aggregation;
using Harness.Statistics.EffectSizes;
using Harness.Statistics.Significance;

namespace Harness.Leaderboard.Comparisons;

/// <summary>Runs both paired tests on one pair of configurations (before correction).</summary>
internal static class PairedComparer
{
    public static Comparison Compare(ConfigurationResult configuration, ConfigurationResult against, string measure, LeaderboardOptions options)
    {
        var mine = configuration.PerQuery.GetValueOrDefault(measure) ?? new Dictionary<string, double>();
        var theirs = against.PerQuery.GetValueOrDefault(measure) ?? new Dictionary<string, double>();
        var queries = mine.Keys.Where(theirs.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var a = queries.Select(q => mine[q]).ToArray();
        var b = queries.Select(q => theirs[q]).ToArray();
        int wins = 0, losses = 0, ties = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                wins++;
            }
            else if (a[i] < b[i])
            {
                losses++;
            }
            else
            {
                ties++;
            }
        }

        var seed = options.Seed ^ (long)Fnv1a64($"{configuration.Key}|{against.Key}|{measure}");
        var randomization = RandomizationTest.Test(a, b, options.Permutations, seed);
        var t = PairedTTest.Test(a, b);
        return new Comparison(
            configuration.Key,
            against.Key,
            measure,
            a.Length,
            randomization.MeanDifference,
            randomization.PValue,
            t.PValue,
            double.NaN,
            CohensDz.Compute(a, b),
            wins,
            losses,
            ties,
            Significant: false);
    }

    /// <summary>FNV-1a over UTF-8: a seed per comparison that does not depend on the order comparisons are made in.</summary>
    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
