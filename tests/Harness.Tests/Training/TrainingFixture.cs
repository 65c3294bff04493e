using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using Harness.Data.Synthetic;
using Harness.Evaluation;
using Harness.Plugins.Encoders;
using Harness.Plugins.Losses;
using Harness.Plugins.NegativeSamplers;
using Harness.Retrieval.Dense;
using Harness.Training;
using static TorchSharp.torch;

namespace Harness.Tests.Training;

/// <summary>A small synthetic cell (hashed-bow + infonce + random) shared by the trainer tests.</summary>
internal static class TrainingFixture
{
    private static readonly Lazy<SyntheticDataset> LazyDataset = new(() => new SyntheticDataset(new SyntheticOptions
    {
        Documents = 2_000,
        Queries = 400,
        VocabularySize = 4_000,
        Topics = 40,
        RelevantPerQuery = 3,
        TestFraction = 0.2,
        DevFraction = 0.0,
        Seed = 7,
    }));

    private static readonly Lazy<TrainingDataView> LazyTraining = new(() => TrainingDataView.Create(LazyDataset.Value));

    public static SyntheticDataset Dataset => LazyDataset.Value;

    /// <summary>The training view of <see cref="Dataset"/> (train queries and judgments, no hidden positives).</summary>
    public static TrainingDataView Training => LazyTraining.Value;

    /// <summary>What the infonce plugin declares for (cosine, in-batch negatives on/off).</summary>
    public static LossCapabilities Capabilities(bool inBatchNegatives = true) =>
        new InfoNceLossPlugin().GetCapabilities(PluginParameters.Resolve(new InfoNceLossPlugin().Info.Parameters, new Dictionary<string, string> { ["in-batch-negatives"] = inBatchNegatives ? "true" : "false" }));

    public static HashedBagOfWordsEncoder Encoder(int seed = 1) =>
        new(dimension: 32, buckets: 1 << 14, charNgram: 3, seed: seed, device: CPU);

    public static ILoss Loss() => new InfoNceLoss(0.05, SimilarityFunction.Cosine, inBatchNegatives: true);

    public static INegativeSampler Sampler()
    {
        var sampler = new RandomNegativeSampler();
        sampler.Prepare(new NegativeSamplerSetup(Training, new SamplerServices()));
        return sampler;
    }

    public static TrainingSetup Setup(IEncoder encoder, ILoss? loss = null, int seed = 11, CancellationToken token = default, bool inBatchNegatives = true) =>
        new(encoder, loss ?? Loss(), Sampler(), Training, new PluginContext(seed) { CancellationToken = token })
        {
            LossCapabilities = Capabilities(inBatchNegatives),
        };

    public static TrainingOptions Options(int epochs = 2) => new()
    {
        Epochs = epochs,
        BatchSize = 16,
        Negatives = 3,
        LearningRate = 5e-3,
        WarmupFraction = 0.05,
        Threads = 1,
    };

    /// <summary>Per-query nDCG@10 on the test split with exact dense search (cosine, as the loss trains).</summary>
    public static EvaluationResult Evaluate(IEncoder encoder)
    {
        var data = Dataset;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        encoder.Module.eval();
        var corpus = encoder.Encode(data.Corpus.Select(d => d.FullText).ToList(), TextRole.Document);
        var queries = data.GetQueries(Split.Test);
        var q = encoder.Encode(queries.Select(x => x.Text).ToList(), TextRole.Query);
        encoder.Module.train();
        var top = new ExactDenseSearcher(new DenseSearchOptions { Similarity = SimilarityFunction.Cosine }).Search(corpus, q, 100);
        var run = new TrecRun("dense");
        for (var i = 0; i < queries.Count; i++)
        {
            for (var r = 0; r < top.K; r++)
            {
                run.Add(queries[i].Id, data.Corpus[(int)top.Indices[(i * top.K) + r]].Id, top.Scores[(i * top.K) + r]);
            }
        }

        var qrels = new TrecQrels();
        foreach (var (qid, doc, grade) in data.GetQrels(Split.Test).All())
        {
            qrels.Add(qid, doc, grade);
        }

        return new Evaluator(MeasureSet.FromNames("nDCG@10"), new EvaluationOptions { AverageOverComplete = true }).Evaluate(qrels, run);
    }

    /// <summary>Every parameter's values, for bit-exact comparisons.</summary>
    public static Dictionary<string, float[]> Weights(IEncoder encoder) =>
        encoder.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());
}
