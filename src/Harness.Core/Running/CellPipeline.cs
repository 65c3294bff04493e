using System.Diagnostics;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Abstractions.Similarity;
using Harness.Core.Caching;
using Harness.Core.Experiments;
using Harness.Core.Hosting;
using Harness.Evaluation;
using Harness.Retrieval;
using Harness.Retrieval.Dense;
using Harness.Retrieval.Lexical;
using Harness.Training;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Harness.Core.Running;

/// <summary>
/// One cell, in memory: dataset → train (optional; epochs may be 0) → index the corpus with the (trained) encoder →
/// first-stage retrieval (dense, BM25, or both fused) → rerank → evaluate with the in-process trec_eval-exact
/// evaluator. Returns per-query metrics, the final ranking, the training curve and the sampler statistics; writing
/// files is the caller's business (the matrix runner's <c>harness cell</c>, or <c>harness train</c>).
/// </summary>
public static class CellPipeline
{
    /// <summary>Whether this build can train (Harness.Training is part of it).</summary>
    public static bool CanTrain => true;

    /// <summary>Runs a cell.</summary>
    /// <param name="cell">The resolved cell.</param>
    /// <param name="options">Device, folders, threads.</param>
    /// <param name="progress">Receives the stage (and, while training, step and loss).</param>
    /// <param name="cancellationToken">Cancels between stages and batches.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="CellFailedException">The cell cannot finish (the message says why).</exception>
    public static CellOutcome Run(ExperimentCell cell, CellPipelineOptions options, IProgress<CellProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(options);
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        void Stage(string name)
        {
            progress?.Report(new CellProgress(name));
        }

        void Done(string name)
        {
            seconds[name] = clock.Elapsed.TotalSeconds;
            clock.Restart();
        }

        torch.set_num_threads(Math.Max(1, options.Threads));
        var device = new torch.Device(options.Device);
        var context = new PluginContext(cell.Seed)
        {
            Device = device,
            CancellationToken = cancellationToken,
            CacheDirectory = options.CacheDirectory,
            ScratchDirectory = options.ScratchDirectory,
            Logger = options.Logger,
        };

        Stage("dataset");
        var data = ((IDatasetPlugin)cell.Dataset.Plugin!).Create(cell.Dataset.Parameters, context);
        if (data.ContentHash != cell.DatasetContentHash)
        {
            throw new CellFailedException($"dataset '{cell.Dataset.Id}' changed since the matrix was planned (content hash {data.ContentHash[..12]}, planned {cell.DatasetContentHash[..Math.Min(12, cell.DatasetContentHash.Length)]}); plan again");
        }

        var split = Enum.Parse<Split>(cell.Eval.Split, ignoreCase: true);
        var queries = data.GetQueries(split);
        if (queries.Count == 0)
        {
            throw new CellFailedException($"dataset '{cell.Dataset.Id}' has no {cell.Eval.Split} queries");
        }

        Done("dataset");

        var retrieval = cell.Eval.Retrieval;
        IEncoder? encoder = retrieval is "dense" or "both" || cell.Epochs > 0
            ? ((IEncoderPlugin)cell.Encoder.Plugin!).Create(cell.Encoder.Parameters, context)
            : null;
        try
        {
            IReadOnlyList<TrainingStepRecord> curve = [];
            IReadOnlyList<SamplerEpochStats> negatives = [];
            string? trainedEncoder = null;
            long? resumedFrom = null;
            if (cell.Epochs > 0)
            {
                Stage("train");
                var result = Train(cell, data, encoder!, context, options, progress, cancellationToken);
                resumedFrom = result.ResumedFromStep;
                curve = [.. result.Curve.Select(r => new TrainingStepRecord(r.Step, r.Epoch, r.Loss, r.LearningRate, r.ExamplesPerSecond, r.ElapsedSeconds))];
                negatives = NegativesSummary.PerEpoch(result.Negatives, data.GetQrels(Split.Train), data.GetHiddenPositives(Split.Train));
                if (options.KeepEncoder || cell.Run.KeepEncoder)
                {
                    // The contract's full state (IEncoder.Save: the state dict and whatever else the encoder needs,
                    // such as a vocabulary), so IEncoder.Load restores it exactly.
                    var path = Path.Combine(options.ScratchDirectory, CellResults.EncoderDirectoryName);
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }

                    Directory.CreateDirectory(path);
                    encoder!.Save(path);
                    trainedEncoder = path;
                }

                Done("train");
            }

            Stage("index");
            var depth = cell.Eval.Depth;
            IReadOnlyList<ScoredDocument>[]? dense = null;
            IReadOnlyList<ScoredDocument>[]? lexical = null;
            if (encoder is not null && retrieval is "dense" or "both")
            {
                var similarity = cell.Eval.Similarity == "dot" ? SimilarityFunction.Dot : SimilarityFunction.Cosine;
                encoder.Module.eval();
                var retriever = new DenseRetriever(encoder, new DenseRetrievalOptions { Search = new DenseSearchOptions { Similarity = similarity, Device = device } });
                dense = [.. retriever.Retrieve(data, queries, Math.Min(depth, data.Corpus.Count), cancellationToken).Select(r => r.Documents)];
            }

            if (retrieval is "bm25" or "both")
            {
                using var bm25 = Bm25Retriever.Open(data, new CacheStore(options.CacheDirectory), new Bm25Options { SearchThreads = Math.Max(1, options.Threads) }, null, cancellationToken);
                lexical = [.. bm25.Retrieve(queries, depth, null, cancellationToken).Select(r => r.Documents)];
            }

            Done("retrieve");
            var rankings = new IReadOnlyList<ScoredDocument>[queries.Count];
            for (var i = 0; i < queries.Count; i++)
            {
                rankings[i] = retrieval switch
                {
                    "dense" => dense![i],
                    "bm25" => lexical![i],
                    _ => RankFusion.Fuse(depth, dense![i], lexical![i]),
                };
            }

            if (cell.Reranker.Plugin is IRerankerPlugin rerankerPlugin)
            {
                Stage("rerank");
                var reranker = rerankerPlugin.Create(cell.Reranker.Parameters, context);
                try
                {
                    var training = TrainingDataView.Create(data);
                    if (rerankerPlugin.GetRequirements(cell.Reranker.Parameters) is { Trainable: true } requirements)
                    {
                        TrainReranker(cell, reranker, requirements, training, encoder, context, options);
                        Done("train-reranker");
                    }

                    reranker.Prepare(training);
                    var byId = data.Corpus.ToDictionary(d => d.Id, StringComparer.Ordinal);
                    for (var i = 0; i < queries.Count; i++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        rankings[i] = Reranking.Rerank(reranker, queries[i], rankings[i], byId, cell.Eval.RerankDepth);
                    }
                }
                finally
                {
                    (reranker as IDisposable)?.Dispose();
                }

                Done("rerank");
            }

            Stage("evaluate");
            var ranked = queries.Select((q, i) => new RankedQuery(q.Id, rankings[i])).ToList();
            var metrics = Evaluate(data.GetQrels(split), ranked, cell.Eval.Measures, cell.Id);
            Done("evaluate");
            return new CellOutcome(metrics, ranked, curve, negatives, seconds, queries.Count, data.Corpus.Count, trainedEncoder) { ResumedFromStep = resumedFrom };
        }
        finally
        {
            encoder?.Dispose();
        }
    }

    private static TrainingResult Train(ExperimentCell cell, IDataset data, IEncoder encoder, PluginContext context, CellPipelineOptions options, IProgress<CellProgress>? progress, CancellationToken cancellationToken)
    {
        var lossPlugin = (ILossPlugin)cell.Loss.Plugin!;
        var loss = lossPlugin.Create(cell.Loss.Parameters, context);
        var training = TrainingDataView.Create(data);
        var similarity = cell.Eval.Similarity == "dot" ? SimilarityFunction.Dot : SimilarityFunction.Cosine;
        using var session = OpenSampler(cell, loss, training, encoder, context, similarity, options);
        var (sampler, requirements, services, miner) = (session.Sampler, session.Requirements, session.Services, session.Miner);
        var checkpoints = cell.Run.CheckpointEverySteps > 0 ? options.CheckpointDirectory : null;
        var trainer = new Trainer(TrainingSettings.ToOptions(cell.Train, options.Threads) with
        {
            CheckpointDirectory = checkpoints,
            CheckpointEverySteps = checkpoints is null ? 0 : cell.Run.CheckpointEverySteps,
        });
        var result = trainer.Train(new TrainingSetup(encoder, loss, sampler, training, context)
        {
            LossCapabilities = lossPlugin.GetCapabilities(cell.Loss.Parameters),
            SamplerRequirements = requirements,
            EncoderTraits = ((IEncoderPlugin)cell.Encoder.Plugin!).GetTraits(cell.Encoder.Parameters),
            DenseMiner = services.DenseMiner,
            ModelVersionChanged = version =>
            {
                if (miner is not null)
                {
                    miner.ModelVersion = version;
                }
            },
            OnStep = row => progress?.Report(new CellProgress("train", row.Step, null, row.Loss)),
            OnResumed = step =>
            {
                options.Logger.LogInformation("cell {Cell}: training resumed from the checkpoint at step {Step}", cell.Id, step);
                progress?.Report(new CellProgress(CellProgress.ResumedStage, step));
            },
            OnCheckpoint = _ => FaultPoint.Reach("cell.checkpoint-written", cancellationToken),
        }, cancellationToken);
        if (result.Status == TrainingStatus.Diverged)
        {
            throw new CellFailedException($"diverged: the loss became NaN or infinite at step {result.DivergedAtStep} ({cell.Loss.Describe()}){(result.Message is null ? string.Empty : $": {result.Message}")}") { Diverged = true };
        }

        return result;
    }

    // A trainable reranker (cross-encoder) learns from the cell's training data: the cell's sampler's negatives and the
    // score stage of the cell's loss (RerankerTrainer).
    private static void TrainReranker(ExperimentCell cell, IReranker reranker, RerankerRequirements requirements, ITrainingData training, IEncoder? encoder, PluginContext context, CellPipelineOptions options)
    {
        if (reranker is not ITrainableReranker trainable || requirements.Training is not { } settings)
        {
            throw new CellFailedException($"reranker '{cell.Reranker.Describe()}' declares itself trainable but is not an ITrainableReranker with training options");
        }

        var loss = ((ILossPlugin)cell.Loss.Plugin!).Create(cell.Loss.Parameters, context);
        if (loss is not IScoreLoss scoreLoss)
        {
            throw new CellFailedException($"reranker '{cell.Reranker.Describe()}' trains with the cell's loss '{cell.Loss.Describe()}', which has no score stage (IScoreLoss)");
        }

        var similarity = cell.Eval.Similarity == "dot" ? SimilarityFunction.Dot : SimilarityFunction.Cosine;
        using var session = OpenSampler(cell, loss, training, encoder, context, similarity, options);
        try
        {
            var result = RerankerTrainer.Train(trainable, settings, scoreLoss, session.Sampler, training, context);
            options.Logger.LogInformation("reranker {Reranker} trained: {Steps} steps, {MsPerStep:F1} ms/step, loss by epoch {Losses}", cell.Reranker.Describe(), result.Steps, result.MillisecondsPerStep, string.Join(", ", result.EpochLosses.Select(l => l.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))));
        }
        catch (InvalidOperationException e)
        {
            throw new CellFailedException($"reranker '{cell.Reranker.Describe()}': {e.Message}");
        }
    }

    // The cell's sampler with its services (the teacher trained first); a service it cannot have fails the cell.
    private static SamplerSession OpenSampler(ExperimentCell cell, ILoss loss, ITrainingData training, IEncoder? encoder, PluginContext context, SimilarityFunction similarity, CellPipelineOptions options)
    {
        try
        {
            return SamplerSession.Open(cell, loss, training, encoder, context, similarity, new Bm25Options { SearchThreads = Math.Max(1, options.Threads) });
        }
        catch (Exception e) when (e is HostServiceUnavailableException or InvalidOperationException or PluginParameterException)
        {
            throw new CellFailedException(e.Message);
        }
    }

    /// <summary>
    /// Evaluates a ranking against judgments with the trec_eval-exact evaluator, averaging over every judged query
    /// (trec_eval -c: a judged query with nothing retrieved counts as 0).
    /// </summary>
    /// <param name="judgments">The split's judgments.</param>
    /// <param name="ranking">The ranking.</param>
    /// <param name="measures">Measure names (nDCG@10...).</param>
    /// <param name="runId">The run name.</param>
    /// <returns>Per-query rows for each per-query measure, then the <c>all</c> rows.</returns>
    public static IReadOnlyList<QueryMetric> Evaluate(Harness.Abstractions.Datasets.Qrels judgments, IReadOnlyList<RankedQuery> ranking, IReadOnlyList<string> measures, string runId)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(ranking);
        var qrels = TrecQrels.From(judgments.All());
        var run = new TrecRun(runId);
        foreach (var q in ranking)
        {
            foreach (var d in q.Documents)
            {
                run.Add(q.QueryId, d.DocumentId, d.Score);
            }
        }

        var result = new Evaluator(MeasureSet.FromNames([.. measures]), new EvaluationOptions { AverageOverComplete = true }).Evaluate(qrels, run);
        var rows = new List<QueryMetric>();
        for (var c = 0; c < result.Columns.Count; c++)
        {
            var column = result.Columns[c];
            if (column.PerQuery)
            {
                rows.AddRange(result.Queries.Select(q => new QueryMetric(q.QueryId, column.Name, q.Values[c])));
            }

            rows.Add(new QueryMetric(QueryMetric.All, column.Name, result.Aggregate[c]));
        }

        return rows;
    }
}
