using Harness.Abstractions.Data;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Sampling;
using Harness.Data.Synthetic;
using Harness.Evaluation;
using Harness.Plugins.Encoders;
using Harness.Plugins.Losses;
using Harness.Plugins.Samplers;
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

    public static SyntheticDataset Dataset => LazyDataset.Value;

    public static HashedBagOfWordsEncoder Encoder(int seed = 1) =>
        new(dimension: 32, buckets: 1 << 14, charNgram: 3, seed: seed, device: CPU);

    public static ILoss Loss() => new InfoNceLoss(0.05, SimilarityFunction.Cosine, inBatchNegatives: true);

    public static INegativeSampler Sampler()
    {
        var sampler = new RandomNegativeSampler(1);
        sampler.Prepare(new NegativeSamplerSetup(Dataset, Split.Train));
        return sampler;
    }

    public static TrainingSetup Setup(IEncoder encoder, ILoss? loss = null, int seed = 11, CancellationToken token = default) =>
        new(encoder, loss ?? Loss(), Sampler(), Dataset, Split.Train, new PluginContext(seed) { CancellationToken = token });

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
        var run = new Run("dense");
        for (var i = 0; i < queries.Count; i++)
        {
            for (var r = 0; r < top.K; r++)
            {
                run.Add(queries[i].Id, data.Corpus[(int)top.Indices[(i * top.K) + r]].Id, top.Scores[(i * top.K) + r]);
            }
        }

        var qrels = new Harness.Evaluation.Qrels();
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
