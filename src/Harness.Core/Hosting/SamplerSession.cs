using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Abstractions.Similarity;
using Harness.Core.Experiments;
using Harness.Retrieval.Lexical;

namespace Harness.Core.Hosting;

/// <summary>
/// A cell's negative sampler with the services it declared: BM25 (opened on first use), the dense miner over the
/// encoder being trained, and the teacher the sampler names (<see cref="ExperimentCell.Teacher"/>), created and, when
/// trainable, trained first (<see cref="RerankerTrainer"/>, on BM25 negatives with the score stage of the cell's loss).
/// Owns and disposes them.
/// </summary>
public sealed class SamplerSession : IDisposable
{
    private Bm25LexicalSearcher? _lexical;

    private SamplerSession(INegativeSampler sampler, SamplerRequirements requirements)
    {
        Sampler = sampler;
        Requirements = requirements;
    }

    /// <summary>The prepared sampler.</summary>
    public INegativeSampler Sampler { get; }

    /// <summary>What it declared.</summary>
    public SamplerRequirements Requirements { get; }

    /// <summary>The services it was given.</summary>
    public SamplerServices Services { get; private set; } = SamplerServices.None;

    /// <summary>The dense miner, when declared (the trainer updates its model version).</summary>
    public EncoderDenseMiner? Miner { get; private set; }

    /// <summary>The teacher, when declared.</summary>
    public IReranker? Teacher { get; private set; }

    /// <summary>How the teacher trained, when it was trained.</summary>
    public RerankerTrainingResult? TeacherTraining { get; private set; }

    /// <summary>Creates the cell's sampler, its services (training the teacher first) and prepares it.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="loss">The cell's loss (its score stage trains a trainable teacher).</param>
    /// <param name="training">The training view.</param>
    /// <param name="encoder">The encoder being trained, or null when the cell has none (no dense miner then).</param>
    /// <param name="context">The cell's plugin context.</param>
    /// <param name="similarity">The similarity the dense miner searches with.</param>
    /// <param name="bm25">BM25 options (search threads).</param>
    /// <returns>The session.</returns>
    /// <exception cref="HostServiceUnavailableException">A declared service cannot be provided (one line).</exception>
    public static SamplerSession Open(ExperimentCell cell, ILoss loss, ITrainingData training, IEncoder? encoder, IPluginContext context, SimilarityFunction similarity, Bm25Options bm25)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(context);
        var plugin = (INegativeSamplerPlugin)cell.Sampler.Plugin!;
        var requirements = plugin.GetRequirements(cell.Sampler.Parameters);
        var session = new SamplerSession(plugin.Create(cell.Sampler.Parameters, context), requirements);
        try
        {
            Bm25LexicalSearcher Lexical() => session._lexical ??= Bm25LexicalSearcher.OpenOrBuild(training, context.CacheDirectory, bm25, context.CancellationToken);
            if (requirements.Has(SamplerNeeds.Teacher) && cell.Teacher is { } teacher)
            {
                session.Teacher = session.CreateTeacher(teacher, loss, training, context, Lexical);
            }

            session.Services = SamplerServicesFactory.Create(
                cell.Sampler.Id,
                requirements,
                Lexical,
                encoder is null ? null : () => session.Miner = new EncoderDenseMiner(encoder, training, similarity),
                session.Teacher);
            session.Sampler.Prepare(new NegativeSamplerSetup(training, session.Services));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lexical?.Dispose();
        Miner?.Dispose();
        (Teacher as IDisposable)?.Dispose();
        (Sampler as IDisposable)?.Dispose();
    }

    private IReranker CreateTeacher(ResolvedPlugin teacher, ILoss loss, ITrainingData training, IPluginContext context, Func<Bm25LexicalSearcher> lexical)
    {
        var plugin = (IRerankerPlugin)teacher.Plugin!;
        var requirements = plugin.GetRequirements(teacher.Parameters);
        var reranker = plugin.Create(teacher.Parameters, context);
        try
        {
            if (requirements.Trainable)
            {
                if (reranker is not ITrainableReranker trainable || requirements.Training is not { } options)
                {
                    throw new HostServiceUnavailableException($"teacher '{teacher.Describe()}' declares itself trainable but is not an ITrainableReranker with training options");
                }

                if (loss is not IScoreLoss scoreLoss)
                {
                    throw new HostServiceUnavailableException($"teacher '{teacher.Describe()}' is trained with the cell's loss, which has no score stage (IScoreLoss)");
                }

                TeacherTraining = RerankerTrainer.Train(trainable, options, scoreLoss, new LexicalTeacherNegatives(lexical(), training), training, context);
            }

            reranker.Prepare(training);
            return reranker;
        }
        catch
        {
            (reranker as IDisposable)?.Dispose();
            throw;
        }
    }
}
