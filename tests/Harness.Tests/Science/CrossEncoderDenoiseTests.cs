using System.Diagnostics;
using System.Globalization;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Abstractions.Similarity;
using Harness.Core.Hosting;
using Harness.Data.Synthetic;
using Harness.Plugins.Encoders;
using Harness.Plugins.NegativeSamplers;
using Harness.Tests.Support;
using Harness.Training;
using Harness.Training.Accounting;
using static TorchSharp.torch;

namespace Harness.Tests.Science;

/// <summary>
/// RocketQA's denoising as the host accounts for it, on <c>synthetic</c> with a false-negative rate of 0.3:
/// <c>ce-denoise</c> and <c>dense-static</c> draw the hardest negatives from the same dense pool (an untrained
/// hashed-bow encoder's top 30), and ce-denoise drops what its teacher scores as likely positive. The teacher here is
/// an oracle that knows the hidden positives (logit +3 for a relevant document, −3 otherwise), so the test pins the
/// sampler, the Teacher service and the host's drop accounting, not a trained cross-encoder's quality (a 1-layer
/// cross-encoder trained from scratch within CI's budget does not yet learn this task: see the issue notes).
/// </summary>
[NonParallelizable]
public sealed class CrossEncoderDenoiseTests
{
    private const int Negatives = 4;
    private const int BatchSize = 32;

    private static readonly Lazy<Results> Measured = new(Run);

    [Test]
    public void Ce_denoise_with_a_teacher_that_knows_the_hidden_positives_drops_exactly_them_and_the_host_scores_the_drops()
    {
        var r = Measured.Value;
        var denoise = r.Accounts["ce-denoise"];
        var baseline = r.Accounts["dense-static"];
        foreach (var (id, account) in r.Accounts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {id} | {r.MsPerBatch[id]:0.00} | {account.Negatives} | {account.FalseNegatives} | {account.FalseNegativeRate:0.0000} | {account.Dropped} | {account.DroppedFalseNegatives} | {account.FilterPrecision:0.000} | {account.FilterRecall:0.000} |"));
        }

        Assert.That(denoise.FalseNegativeRate, Is.LessThan(baseline.FalseNegativeRate ?? 0));
        Assert.That(denoise.Dropped, Is.GreaterThan(0));
        Assert.That(denoise.DroppedFalseNegatives, Is.GreaterThan(0));
        Assert.That(denoise.FilterPrecision, Is.EqualTo(1.0), "the oracle drops hidden positives only");
        Assert.That(denoise.FilterRecall, Is.EqualTo(1.0), "and all of those in the pool");
        Assert.That(denoise.FalseNegatives, Is.Zero);
        Assert.That(baseline.Dropped, Is.Zero);
    }

    private static Results Run()
    {
        var dataset = new SyntheticDataset(new SyntheticOptions { Documents = 1_000, Queries = 160, RelevantPerQuery = 4, VocabularySize = 2_000, Topics = 10, DocumentLength = 30, FalseNegativeRate = 0.3, Seed = 5 });
        var training = TrainingDataView.Create(dataset);
        using var cache = new TempDirectory();
        using var encoder = new HashedBagOfWordsEncoder(dimension: 128, buckets: 1 << 16, charNgram: 0, seed: 3, device: CPU);
        using var miner = new EncoderDenseMiner(encoder, training, SimilarityFunction.Cosine);
        using var lexical = Bm25LexicalSearcher.OpenOrBuild(training, cache.Path);
        var context = new PluginContext(17);

        var teacher = new OracleTeacher(dataset);

        var accounting = NegativesAccounting.For(dataset, Split.Train, positiveGrade: 1);
        (string Id, INegativeSamplerPlugin Plugin, Dictionary<string, string> Parameters)[] samplers =
        [
            ("dense-static", new DenseStaticNegativeSamplerPlugin(), new() { ["strategy"] = "hardest", ["depth"] = "30" }),
            ("ce-denoise", new CrossEncoderDenoiseSamplerPlugin(), new() { ["strategy"] = "hardest", ["depth"] = "30" }),
        ];
        var accounts = new Dictionary<string, NegativesAccount>(StringComparer.Ordinal);
        var ms = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, plugin, given) in samplers)
        {
            var parameters = PluginParameters.Resolve(plugin.Info.Parameters, given);
            var services = SamplerServicesFactory.Create(id, plugin.GetRequirements(parameters), () => lexical, () => miner, teacher);
            var sampler = plugin.Create(parameters, context);
            sampler.Prepare(new NegativeSamplerSetup(training, services));
            sampler.BeginEpoch(new SamplerEpoch(0, 0, miner.ModelVersion));
            var records = new List<NegativesRecord>();
            var queries = training.Queries.Where(q => training.LabelledPositives(q.Id).Count > 0).ToList();
            var clock = Stopwatch.StartNew();
            var batches = 0;
            for (var start = 0; start < queries.Count; start += BatchSize, batches++)
            {
                var batch = queries.Skip(start).Take(BatchSize).ToList();
                var samples = sampler.SampleBatch(new SampleBatchRequest(batch, Negatives, 0, batches, q => context.CreateRandom($"negatives/epoch=0/query={q.Id}")));
                for (var i = 0; i < batch.Count; i++)
                {
                    records.Add(new NegativesRecord(0, batches + 1, batch[i].Id, [training.LabelledPositives(batch[i].Id)[0]], samples[i]));
                }
            }

            ms[id] = clock.Elapsed.TotalMilliseconds / batches;
            accounts[id] = accounting.Count(records, id, inBatchNegatives: false).Single();
        }

        return new Results(accounts, ms);
    }

    private sealed record Results(IReadOnlyDictionary<string, NegativesAccount> Accounts, IReadOnlyDictionary<string, double> MsPerBatch);

    /// <summary>Scores +3 (σ = 0.95) a judged or hidden positive of the query, −3 (σ = 0.05) anything else.</summary>
    private sealed class OracleTeacher(SyntheticDataset dataset) : IReranker
    {
        private readonly Qrels _judged = dataset.GetQrels(Split.Train);
        private readonly Qrels _hidden = dataset.GetHiddenPositives(Split.Train);

        public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates) =>
            [.. candidates.Select(d => _judged.IsRelevant(query.Id, d.Id) || _hidden.IsRelevant(query.Id, d.Id) ? 3.0 : -3.0)];
    }
}
