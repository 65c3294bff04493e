using System.Globalization;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Conformance.Datasets;
using Harness.Conformance.Services;

namespace Harness.Conformance.NegativeSamplers;

/// <summary>
/// Conformance checks for negative samplers, run on the training view of <see cref="ConformanceDataset"/> with fake
/// services (<see cref="FakeLexicalSearcher"/>, <see cref="FakeDenseMiner"/>, <see cref="FakeTeacher"/>) given only
/// as declared. Besides the 1.0 rules (no labelled positive, no duplicates, corpus ids only, count or a reason,
/// determinism) it checks the 2.0 contract: metadata lists as long as the ids, Dropped disjoint from them,
/// SampleBatch equal to per-query Sample over epochs 0..2, the positive-grade threshold, and the blind check (the same
/// output when the hidden positives are reachable behind the view as when they are gone).
/// </summary>
public static class SamplerConformance
{
    private const int Count = 5;
    private const int Epochs = 3;

    /// <summary>Runs every sampler check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="create">Creates a fresh sampler for a context (called several times).</param>
    /// <param name="requirements">What the configuration declared (which services to give).</param>
    /// <param name="seed">The seed for contexts and streams.</param>
    /// <param name="dataset">The dataset to sample from (default: <see cref="ConformanceDataset"/>).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, INegativeSampler> create, SamplerRequirements? requirements = null, int seed = 1234, IDataset? dataset = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        var r = new CheckRecorder(subject);
        var req = requirements ?? SamplerRequirements.None;
        var data = dataset ?? new ConformanceDataset();
        var view = TrainingDataView.Create(data);
        var queries = view.Queries;
        var ids = data.Corpus.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        if (req.Has(SamplerNeeds.InBatchOnly))
        {
            r.Skip("samples", "declares InBatchOnly: the host never asks it for negatives");
            return r.Results;
        }

        if (queries.Count == 0)
        {
            r.Fail("samples", "the dataset has no training queries");
            return r.Results;
        }

        INegativeSampler sampler = null!;
        Harness? harness = null;
        if (!r.Run("prepares with the training view and only its declared services", () =>
            {
                (sampler, harness) = Prepared(create, seed, view, req);
                return null;
            }))
        {
            return r.Results;
        }

        var epochs = new List<IReadOnlyList<NegativeSample>>();
        if (!r.Run("samples every training query in epochs 0..2 (BeginEpoch, SampleBatch)", () =>
            {
                for (var e = 0; e < Epochs; e++)
                {
                    var batch = harness!.Epoch(sampler, e, queries, Count, seed);
                    if (batch is null || batch.Count != queries.Count || batch.Any(s => s is null))
                    {
                        return $"epoch {e}: SampleBatch returned {(batch is null ? "null" : $"{batch.Count} samples (some null?)")} for {queries.Count} queries";
                    }

                    epochs.Add(batch);
                }

                return null;
            }))
        {
            return r.Results;
        }

        IEnumerable<(Query Query, NegativeSample Sample)> All() => epochs.SelectMany(batch => queries.Zip(batch));

        r.Run("each sample is consistent (count or a reason, distinct ids, metadata lengths, Dropped ∩ DocumentIds = ∅)", () =>
        {
            foreach (var (q, s) in All())
            {
                if (s.Check(Count) is { } problem)
                {
                    return $"{q.Id}: {problem}";
                }
            }

            return null;
        });

        r.Run("never returns a labelled positive", () =>
        {
            var leaks = All().SelectMany(x => x.Sample.DocumentIds.Where(d => view.IsLabelledPositive(x.Query.Id, d)).Select(d => $"{x.Query.Id}->{d}")).Distinct().ToList();
            return leaks.Count == 0 ? null : $"returned labelled positives: {string.Join(", ", leaks.Take(5))}";
        });

        r.Run("returns only corpus documents", () =>
        {
            var unknown = All().SelectMany(x => x.Sample.DocumentIds.Concat(x.Sample.Dropped ?? [])).Where(d => !ids.Contains(d)).Distinct().ToList();
            return unknown.Count == 0 ? null : $"unknown document ids: {string.Join(", ", unknown.Take(5))}";
        });

        r.Run("SampleBatch equals per-query Sample with the same streams", () =>
        {
            var (other, otherHarness) = Prepared(create, seed, view, req);
            for (var e = 0; e < Epochs; e++)
            {
                otherHarness.Begin(other, e);
                for (var i = 0; i < queries.Count; i++)
                {
                    var q = queries[i];
                    var single = other.Sample(q, Count, StreamFor(seed, e, q));
                    if (Difference(epochs[e][i], single) is { } diff)
                    {
                        return $"epoch {e}, {q.Id}: batch and single sampling differ: {diff}";
                    }
                }
            }

            return null;
        });

        r.Run("deterministic for a seed (a second instance gives the same negatives)", () =>
        {
            var (other, otherHarness) = Prepared(create, seed, view, req);
            for (var e = 0; e < Epochs; e++)
            {
                var batch = otherHarness.Epoch(other, e, queries, Count, seed);
                for (var i = 0; i < queries.Count; i++)
                {
                    if (Difference(epochs[e][i], batch[i]) is { } diff)
                    {
                        return $"epoch {e}, {queries[i].Id}: {diff}";
                    }
                }
            }

            return null;
        });

        r.Run("blind check: identical output when the hidden positives are reachable behind the view", () =>
        {
            var hidden = data.Splits.Contains(Split.Train) ? data.GetHiddenPositives(Split.Train) : Qrels.Empty;
            if (hidden.Count == 0)
            {
                return "the dataset has no hidden training positives to check against";
            }

            // Two fresh instances, one behind the proper view and one behind the leaky one, asked for the usual count
            // and for the whole corpus (which reaches every hidden positive an honest sampler may return).
            var leaky = new LeakyTrainingData(data, view);
            var (honest, honestHarness) = Prepared(create, seed, view, req);
            var (blind, blindHarness) = Prepared(create, seed, leaky, req);
            foreach (var count in new[] { Count, data.Corpus.Count })
            {
                for (var e = 0; e < Epochs; e++)
                {
                    var expected = honestHarness.Epoch(honest, e, queries, count, seed);
                    var batch = blindHarness.Epoch(blind, e, queries, count, seed);
                    for (var i = 0; i < queries.Count; i++)
                    {
                        if (Difference(expected[i], batch[i]) is { } diff)
                        {
                            return $"epoch {e}, {queries[i].Id}, {count} negatives: the output changed when the full dataset was reachable through the view (the sampler looks past ITrainingData): {diff}";
                        }
                    }
                }
            }

            return null;
        });

        r.Run("uses the view's PositiveGrade as the one definition of a labelled positive", () =>
        {
            foreach (var grade in new[] { 1, 2 })
            {
                var graded = view.WithPositiveGrade(grade);
                var (s, h) = Prepared(create, seed, graded, req);
                h.Begin(s, 0);
                var whole = data.Corpus.Count;
                foreach (var q in queries)
                {
                    var sample = s.Sample(q, whole, StreamFor(seed, 0, q));
                    var wrong = sample.DocumentIds.Where(d => graded.IsLabelledPositive(q.Id, d)).ToList();
                    if (wrong.Count > 0)
                    {
                        return $"PositiveGrade {grade}: {q.Id} got labelled positives {string.Join(", ", wrong.Take(3))}";
                    }

                    // An exhaustive sampler (it returned every other document) must then return the judged documents
                    // below the threshold too: they are not labelled positives at this grade.
                    var eligible = data.Corpus.Count(d => !graded.IsLabelledPositive(q.Id, d.Id));
                    if (grade == 2 && sample.DocumentIds.Count < eligible)
                    {
                        var atOne = view.Judgments.For(q.Id).Where(p => p.Value == 1).Select(p => p.Key).ToList();
                        var (s1, h1) = Prepared(create, seed, view, req);
                        h1.Begin(s1, 0);
                        var exhaustiveAtOne = s1.Sample(q, whole, StreamFor(seed, 0, q)).DocumentIds.Count == data.Corpus.Count(d => !view.IsLabelledPositive(q.Id, d.Id));
                        if (exhaustiveAtOne && atOne.Count > 0)
                        {
                            return $"PositiveGrade 2: {q.Id} returned {sample.DocumentIds.Count} of {eligible} eligible documents although it returns every eligible document at PositiveGrade 1 (grade-1 documents are not labelled positives at 2: does the sampler keep its own threshold?)";
                        }
                    }
                }
            }

            return null;
        });

        r.Run("asked for the whole corpus, returns at most that and says why fewer", () =>
        {
            var (s, h) = Prepared(create, seed, view, req);
            h.Begin(s, 0);
            var q = queries[0];
            var all = s.Sample(q, data.Corpus.Count, StreamFor(seed, 0, q));
            return all.Check(data.Corpus.Count);
        });

        return r.Results;
    }

    /// <summary>Runs the checks on a sampler plugin, with the requirements it declares for the parameters.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(INegativeSamplerPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var p = parameters ?? PluginParameters.Resolve(plugin.Info.Parameters);
        SamplerRequirements requirements;
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

    /// <summary>The stream the checks give a query in an epoch (the host derives its own from the cell seed the same way).</summary>
    private static Xoshiro256Random StreamFor(int seed, int epoch, Query q) =>
        new(PluginContext.DeriveStreamSeed(seed, string.Create(CultureInfo.InvariantCulture, $"sampler/epoch-{epoch}/{q.Id}")));

    private static (INegativeSampler Sampler, Harness Harness) Prepared(Func<IPluginContext, INegativeSampler> create, int seed, ITrainingData view, SamplerRequirements req)
    {
        var harness = new Harness(view, req);
        var sampler = create(ConformanceContext.Create(seed)) ?? throw new InvalidOperationException("Create returned null");
        sampler.Prepare(new NegativeSamplerSetup(view, harness.Services));
        return (sampler, harness);
    }

    private static string? Difference(NegativeSample a, NegativeSample b)
    {
        if (!a.DocumentIds.SequenceEqual(b.DocumentIds, StringComparer.Ordinal))
        {
            return $"[{string.Join(",", a.DocumentIds)}] vs [{string.Join(",", b.DocumentIds)}]";
        }

        if (a.Shortfall != b.Shortfall)
        {
            return $"shortfall '{a.Shortfall}' vs '{b.Shortfall}'";
        }

        if (!Same(a.Ranks, b.Ranks) || !Same(a.Scores, b.Scores) || !Same(a.Sources, b.Sources) || !Same(a.Weights, b.Weights) || !Same(a.Dropped, b.Dropped) || a.MinedAtModelVersion != b.MinedAtModelVersion)
        {
            return "the same negatives with different metadata (ranks, scores, sources, weights, dropped or mined-at version)";
        }

        return null;
    }

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) => (a is null && b is null) || (a is not null && b is not null && a.SequenceEqual(b));

    /// <summary>Plays the host: fake services as declared, model versions, index rebuilds per the refresh policy.</summary>
    private sealed class Harness
    {
        private readonly SamplerRequirements _requirements;
        private readonly FakeDenseMiner? _miner;

        public Harness(ITrainingData view, SamplerRequirements requirements)
        {
            _requirements = requirements;
            _miner = requirements.Has(SamplerNeeds.DenseMiner) ? new FakeDenseMiner(view) : null;
            Services = new SamplerServices
            {
                Lexical = requirements.Has(SamplerNeeds.Lexical) ? new FakeLexicalSearcher(view) : null,
                DenseMiner = _miner,
                Teacher = requirements.Has(SamplerNeeds.Teacher) ? new FakeTeacher() : null,
            };
        }

        public SamplerServices Services { get; }

        public void Begin(INegativeSampler sampler, int epoch)
        {
            var version = epoch * 10L;
            if (_miner is not null)
            {
                _miner.ModelVersion = version;
                var due = _requirements.Refresh switch
                {
                    RefreshPolicy.Once => epoch == _requirements.WarmupEpochs,
                    RefreshPolicy.EveryEpochs => epoch >= _requirements.WarmupEpochs && (epoch - _requirements.WarmupEpochs) % Math.Max(1, _requirements.RefreshInterval) == 0,
                    RefreshPolicy.EverySteps => true,
                    _ => false,
                };
                if (due)
                {
                    _miner.RebuildIndex();
                }
            }

            sampler.BeginEpoch(new SamplerEpoch(epoch, version, version));
        }

        public IReadOnlyList<NegativeSample> Epoch(INegativeSampler sampler, int epoch, IReadOnlyList<Query> queries, int count, int seed)
        {
            Begin(sampler, epoch);
            return sampler.SampleBatch(new SampleBatchRequest(queries, count, epoch, epoch * 10L, q => StreamFor(seed, epoch, q)));
        }
    }
}
