using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;

namespace Harness.Conformance.Datasets;

/// <summary>
/// Conformance checks for datasets: unique ids, disjoint splits, judgments that resolve, hidden positives kept out of
/// the judgments, a stable content hash equal to the canonical one, a stable canonical corpus hash.
/// </summary>
public static class DatasetConformance
{
    /// <summary>Runs every dataset check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="open">Opens the dataset for a context (called twice, to check the hash is stable).</param>
    /// <param name="seed">The seed for contexts.</param>
    /// <returns>One result per check; one skip when the dataset needs parameters that were not given or data that is not on this machine.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, IDataset> open, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(open);
        var r = new CheckRecorder(subject);
        IDataset data;
        try
        {
            data = open(ConformanceContext.Create(seed));
        }
        catch (PluginParameterException e)
        {
            r.Skip("opens with the given parameters", $"needs parameters: {e.Message}");
            return r.Results;
        }
        catch (DatasetUnavailableException e)
        {
            r.Skip("opens with the given parameters", $"data not available: {e.Message}");
            return r.Results;
        }
        catch (Exception e)
        {
            r.Fail("opens with the given parameters", $"threw {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return r.Results;
        }

        var docIds = new HashSet<string>(StringComparer.Ordinal);
        r.Run("document ids are unique and non-empty", () =>
        {
            foreach (var d in data.Corpus)
            {
                if (string.IsNullOrEmpty(d.Id))
                {
                    return "a document has an empty id";
                }

                if (!docIds.Add(d.Id))
                {
                    return $"document id '{d.Id}' appears twice";
                }
            }

            return data.Corpus.Count == 0 ? "the corpus is empty" : null;
        });

        r.Run("query ids are unique and splits are disjoint", () =>
        {
            var seen = new Dictionary<string, Split>(StringComparer.Ordinal);
            foreach (var split in data.Splits)
            {
                foreach (var q in data.GetQueries(split))
                {
                    if (!seen.TryAdd(q.Id, split))
                    {
                        return seen[q.Id] == split
                            ? $"query id '{q.Id}' appears twice in {split}"
                            : $"query '{q.Id}' is in both {seen[q.Id]} and {split}";
                    }
                }
            }

            return seen.Count == 0 ? "no split has queries" : null;
        });

        r.Run("every judged id resolves", () =>
        {
            foreach (var split in data.Splits)
            {
                var queryIds = data.GetQueries(split).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var (kind, qrels) in new[] { ("qrels", data.GetQrels(split)), ("hidden positives", data.GetHiddenPositives(split)) })
                {
                    foreach (var (q, d, _) in qrels.All())
                    {
                        if (!queryIds.Contains(q))
                        {
                            return $"{split} {kind}: query '{q}' is not a {split} query";
                        }

                        if (!docIds.Contains(d))
                        {
                            return $"{split} {kind}: document '{d}' (query '{q}') is not in the corpus";
                        }
                    }
                }
            }

            return null;
        });

        r.Run("hidden positives are not in the judgments", () =>
        {
            foreach (var split in data.Splits)
            {
                var qrels = data.GetQrels(split);
                foreach (var (q, d, _) in data.GetHiddenPositives(split).All())
                {
                    if (qrels.Grade(q, d) is not null)
                    {
                        return $"{split}: hidden positive {q}->{d} is also judged";
                    }
                }
            }

            return null;
        });

        IDataset? second = null;
        r.Run("content hash is a SHA-256 and stable", () =>
        {
            var h = data.ContentHash;
            if (!IsSha256(h))
            {
                return $"'{h}' is not 64 lower-case hex digits";
            }

            second = open(ConformanceContext.Create(seed));
            var again = second.ContentHash;
            return again == h ? null : $"opening twice gave {h} and {again}";
        });

        r.Run("content hash is the canonical hash (DatasetContentHash.Compute)", () =>
        {
            var canonical = DatasetContentHash.Compute(data);
            return data.ContentHash == canonical ? null : $"ContentHash is {data.ContentHash}; the canonical hash of what was loaded is {canonical}";
        });

        r.Run("corpus hash is stable and canonical", () =>
        {
            var h = data.CorpusHash;
            if (!IsSha256(h))
            {
                return $"'{h}' is not 64 lower-case hex digits";
            }

            var again = (second ?? open(ConformanceContext.Create(seed))).CorpusHash;
            if (again != h)
            {
                return $"opening twice gave corpus hashes {h} and {again}";
            }

            // The default (the content hash) is allowed: it over-invalidates corpus caches but is never wrong.
            return h == data.ContentHash || h == DatasetContentHash.ComputeCorpus(data.Corpus)
                ? null
                : $"CorpusHash {h} is neither ContentHash nor the canonical corpus hash (DatasetContentHash.ComputeCorpus)";
        });

        (data as IDisposable)?.Dispose();
        (second as IDisposable)?.Dispose();
        return r.Results;
    }

    private static bool IsSha256(string? h) => h is not null && h.Length == 64 && h.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Runs the checks on a dataset plugin.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(IDatasetPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var p = parameters ?? PluginParameters.Resolve(plugin.Info.Parameters);
        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx));
    }
}
