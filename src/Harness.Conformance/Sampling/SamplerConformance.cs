using Harness.Abstractions.Data;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Sampling;
using Harness.Conformance.Data;

namespace Harness.Conformance.Sampling;

/// <summary>Conformance checks for negative samplers, run on <see cref="ConformanceDataset"/> (train split).</summary>
public static class SamplerConformance
{
    private const int Count = 5;

    /// <summary>Runs every sampler check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="create">Creates a fresh sampler for a context (called several times).</param>
    /// <param name="seed">The seed for contexts and generators.</param>
    /// <param name="dataset">The dataset to sample from (default: <see cref="ConformanceDataset"/>).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, INegativeSampler> create, int seed = 1234, IDataset? dataset = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        var r = new CheckRecorder(subject);
        var data = dataset ?? new ConformanceDataset();
        var queries = data.GetQueries(Split.Train);
        var qrels = data.GetQrels(Split.Train);
        var ids = data.Corpus.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        INegativeSampler sampler = null!;
        if (!r.Run("prepares on a small dataset", () =>
            {
                sampler = create(ConformanceContext.Create(seed));
                sampler.Prepare(new NegativeSamplerSetup(data, Split.Train));
                return null;
            }))
        {
            return r.Results;
        }

        var samples = new Dictionary<string, NegativeSample>(StringComparer.Ordinal);
        if (!r.Run("samples every training query", () =>
            {
                var rng = new Random(seed);
                foreach (var q in queries)
                {
                    samples[q.Id] = sampler.Sample(q, Count, rng) ?? throw new InvalidOperationException($"Sample returned null for {q.Id}");
                }

                return null;
            }))
        {
            return r.Results;
        }

        r.Run("never returns a labelled positive", () =>
        {
            var leaks = samples
                .SelectMany(s => s.Value.DocumentIds.Where(d => qrels.IsRelevant(s.Key, d)).Select(d => $"{s.Key}->{d}"))
                .ToList();
            return leaks.Count == 0 ? null : $"returned labelled positives: {string.Join(", ", leaks.Take(5))}";
        });

        r.Run("returns no duplicates", () =>
        {
            var dup = samples.Where(s => s.Value.DocumentIds.Distinct(StringComparer.Ordinal).Count() != s.Value.DocumentIds.Count).Select(s => s.Key).ToList();
            return dup.Count == 0 ? null : $"duplicate negatives for {string.Join(", ", dup)}";
        });

        r.Run("returns only corpus documents", () =>
        {
            var unknown = samples.SelectMany(s => s.Value.DocumentIds.Where(d => !ids.Contains(d))).Distinct().ToList();
            return unknown.Count == 0 ? null : $"unknown document ids: {string.Join(", ", unknown.Take(5))}";
        });

        r.Run("returns the requested count or says why not", () =>
        {
            foreach (var (q, s) in samples)
            {
                if (s.DocumentIds.Count > Count)
                {
                    return $"{q}: asked for {Count}, got {s.DocumentIds.Count}";
                }

                if (s.DocumentIds.Count < Count && string.IsNullOrWhiteSpace(s.Shortfall))
                {
                    return $"{q}: asked for {Count}, got {s.DocumentIds.Count} and no reason";
                }
            }

            var all = sampler.Sample(queries[0], data.Corpus.Count, new Random(seed));
            return all.DocumentIds.Count < data.Corpus.Count && string.IsNullOrWhiteSpace(all.Shortfall)
                ? $"asked for the whole corpus ({data.Corpus.Count}), got {all.DocumentIds.Count} and no reason"
                : all.DocumentIds.Count > data.Corpus.Count ? $"asked for {data.Corpus.Count}, got {all.DocumentIds.Count}" : null;
        });

        r.Run("deterministic for a seed", () =>
        {
            var again = create(ConformanceContext.Create(seed));
            again.Prepare(new NegativeSamplerSetup(data, Split.Train));
            var rng = new Random(seed);
            foreach (var q in queries)
            {
                var b = again.Sample(q, Count, rng);
                if (!samples[q.Id].DocumentIds.SequenceEqual(b.DocumentIds, StringComparer.Ordinal))
                {
                    return $"{q.Id}: [{string.Join(",", samples[q.Id].DocumentIds)}] then [{string.Join(",", b.DocumentIds)}] with the same seed";
                }
            }

            return null;
        });

        return r.Results;
    }

    /// <summary>Runs the checks on a sampler plugin.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(INegativeSamplerPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var p = parameters ?? PluginParameters.Resolve(plugin.Info.Parameters);
        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx));
    }
}
