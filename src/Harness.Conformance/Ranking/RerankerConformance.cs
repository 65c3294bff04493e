using Harness.Abstractions.Data;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Ranking;
using Harness.Conformance.Data;

namespace Harness.Conformance.Ranking;

/// <summary>Conformance checks for rerankers, run on <see cref="ConformanceDataset"/>.</summary>
public static class RerankerConformance
{
    /// <summary>Runs every reranker check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="create">Creates a fresh reranker for a context (called twice).</param>
    /// <param name="seed">The seed for contexts.</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, IReranker> create, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(create);
        var r = new CheckRecorder(subject);
        var data = new ConformanceDataset();
        var queries = data.Splits.SelectMany(data.GetQueries).ToList();

        // Candidates in a fixed, scrambled order: every 5th document starting at a query-dependent offset.
        List<Document> Candidates(int qi) => Enumerable.Range(0, 12).Select(k => data.Corpus[((k * 5) + qi) % data.Corpus.Count]).ToList();
        IReranker reranker = null!;
        if (!r.Run("prepares on a small dataset", () =>
            {
                reranker = create(ConformanceContext.Create(seed));
                reranker.Prepare(data);
                return null;
            }))
        {
            return r.Results;
        }

        var scores = new List<IReadOnlyList<double>>();
        r.Run("returns a finite score for every candidate", () =>
        {
            for (var qi = 0; qi < queries.Count; qi++)
            {
                var c = Candidates(qi);
                var s = reranker.Score(queries[qi], c);
                if (s is null || s.Count != c.Count)
                {
                    return $"{queries[qi].Id}: {c.Count} candidates, {(s is null ? "null" : s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} scores";
                }

                if (s.Any(x => !double.IsFinite(x)))
                {
                    return $"{queries[qi].Id}: non-finite score";
                }

                scores.Add(s);
            }

            var empty = reranker.Score(queries[0], []);
            return empty.Count == 0 ? null : $"no candidates gave {empty.Count} scores";
        });

        r.Run("deterministic", () =>
        {
            var other = create(ConformanceContext.Create(seed));
            other.Prepare(data);
            for (var qi = 0; qi < scores.Count; qi++)
            {
                var again = reranker.Score(queries[qi], Candidates(qi));
                var fresh = other.Score(queries[qi], Candidates(qi));
                if (!again.SequenceEqual(scores[qi]) || !fresh.SequenceEqual(scores[qi]))
                {
                    return $"{queries[qi].Id}: scores differ between calls or instances with the same seed";
                }
            }

            return null;
        });

        return r.Results;
    }

    /// <summary>Runs the checks on a reranker plugin.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(IRerankerPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var p = parameters ?? PluginParameters.Resolve(plugin.Info.Parameters);
        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx));
    }
}
