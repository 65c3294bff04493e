using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Conformance.Datasets;
using static TorchSharp.torch;

namespace Harness.Conformance.Rerankers;

/// <summary>
/// Conformance checks for rerankers, run on the training view of <see cref="ConformanceDataset"/>: finite scores for
/// every candidate, determinism, <c>Score(RerankRequest)</c> equal to <c>Score(query, documents)</c> (unless the
/// configuration fuses first-stage lists), and for trainable rerankers the <c>Forward</c> shape [B, M], a gradient
/// into the module and a Save → Load round trip.
/// </summary>
public static class RerankerConformance
{
    /// <summary>Runs every reranker check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="create">Creates a fresh reranker for a context (called twice).</param>
    /// <param name="requirements">What the configuration declared (default: none).</param>
    /// <param name="seed">The seed for contexts.</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, IReranker> create, RerankerRequirements? requirements = null, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(create);
        var req = requirements ?? RerankerRequirements.None;
        var r = new CheckRecorder(subject);
        var dataset = new ConformanceDataset();
        var data = TrainingDataView.Create(dataset);
        var queries = dataset.Splits.SelectMany(dataset.GetQueries).ToList();

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

        if (req.FirstStageSources.Count > 0)
        {
            r.Run("scores fused requests (finite, one per candidate)", () =>
            {
                var c = Candidates(0);
                var hits = c.Select((d, i) => new RerankCandidate(d, req.FirstStageSources.Select((s, k) => (s, k)).Where(x => (i + x.k) % 2 == 0).ToDictionary(x => x.s, x => new FirstStageHit(i / 2, 10.0 - i)))).ToList();
                var s = reranker.Score(new RerankRequest(queries[0], hits));
                return s is not null && s.Count == c.Count && s.All(double.IsFinite) ? null : $"{c.Count} candidates gave {(s is null ? "null" : s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} scores or non-finite ones";
            });
        }
        else
        {
            r.Run("Score(RerankRequest) equals Score(query, documents)", () =>
            {
                for (var qi = 0; qi < scores.Count; qi++)
                {
                    var c = Candidates(qi);
                    var request = new RerankRequest(queries[qi], c.Select((d, i) => new RerankCandidate(d, new Dictionary<string, FirstStageHit> { ["first"] = new(i, -i) })).ToList());
                    var s = reranker.Score(request);
                    if (s is null || !s.SequenceEqual(scores[qi]))
                    {
                        return $"{queries[qi].Id}: the request form gave different scores";
                    }
                }

                return null;
            });
        }

        if (req.Trainable)
        {
            CheckTrainable(r, reranker, create, data, queries, Candidates, seed);
        }
        else if (reranker is ITrainableReranker)
        {
            r.Fail("declares Trainable", "the instance implements ITrainableReranker but its requirements do not declare Trainable");
        }

        return r.Results;
    }

    private static void CheckTrainable(CheckRecorder r, IReranker reranker, Func<IPluginContext, IReranker> create, ITrainingData data, List<Query> queries, Func<int, List<Document>> candidates, int seed)
    {
        if (reranker is not ITrainableReranker trainable)
        {
            r.Fail("implements ITrainableReranker", "declares Trainable but does not implement ITrainableReranker");
            return;
        }

        r.Run("Forward gives float32 [B, M] for ragged lists and the gradient reaches the module", () =>
        {
            using var scope = NewDisposeScope();
            trainable.Module.train();
            var lists = new List<IReadOnlyList<Document>> { candidates(0).Take(3).ToList(), candidates(1).Take(5).ToList() };
            var s = trainable.Forward([queries[0], queries[1]], lists);
            if (s.dim() != 2 || s.shape[0] != 2 || s.shape[1] != 5 || s.dtype != ScalarType.Float32)
            {
                return $"expected float32 [2,5], got {s.dtype} [{string.Join(",", s.shape)}]";
            }

            var parameters = trainable.Module.parameters().ToList();
            foreach (var p in parameters)
            {
                p.grad?.zero_();
            }

            s.sum().backward();
            var total = parameters.Sum(p => p.grad is null ? 0.0 : p.grad.abs().sum().item<float>());
            foreach (var p in parameters)
            {
                p.grad?.zero_();
            }

            trainable.Module.eval();
            return total > 0 && double.IsFinite(total) ? null : $"sum of |grad| over the module's parameters is {total}";
        });

        r.Run("Save then Load into a fresh instance gives identical scores", () =>
        {
            var directory = Directory.CreateTempSubdirectory("harness-conformance-reranker-").FullName;
            try
            {
                trainable.Save(directory);
                var other = (ITrainableReranker)create(ConformanceContext.Create(seed + 1));
                other.Prepare(data);
                other.Load(directory);
                trainable.Module.eval();
                other.Module.eval();
                var a = trainable.Score(queries[0], candidates(0));
                var b = other.Score(queries[0], candidates(0));
                return a.SequenceEqual(b) ? null : "scores differ after Save/Load";
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
    }

    /// <summary>Runs the checks on a reranker plugin.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(IRerankerPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var p = parameters ?? PluginParameters.Resolve(plugin.Info.Parameters);
        RerankerRequirements requirements;
        try
        {
            requirements = plugin.GetRequirements(p) ?? throw new InvalidOperationException("GetRequirements returned null");
        }
        catch (Exception e)
        {
            return [new CheckResult(plugin.Info.Id, "declares its requirements", CheckOutcome.Failed, $"threw {e.GetType().Name}: {e.Message}")];
        }

        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx), requirements);
    }
}
