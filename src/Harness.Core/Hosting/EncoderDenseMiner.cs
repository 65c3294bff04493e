using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Services;
using Harness.Abstractions.Similarity;
using Harness.Retrieval.Dense;
using static TorchSharp.torch;

namespace Harness.Core.Hosting;

/// <summary>
/// The host's <see cref="IDenseMiner"/> over the encoder being trained: the corpus is encoded in batches under
/// no_grad in eval mode (the module's training mode is restored afterwards), kept on the CPU, and searched exactly
/// with <see cref="ExactDenseSearcher"/> on the encoder's device. The trainer advances <see cref="ModelVersion"/>
/// after each optimizer step; <see cref="IndexVersion"/> records the version the corpus was encoded at, so the
/// staleness of mined negatives is measurable. The sampler never sees the encoder. The index travels in training
/// checkpoints (<see cref="Harness.Training.ICheckpointableDenseMiner"/>), so a resumed run mines what an
/// uninterrupted one did.
/// </summary>
public sealed class EncoderDenseMiner : IDenseMiner, Harness.Training.ICheckpointableDenseMiner, IDisposable
{
    private readonly IEncoder _encoder;
    private readonly ITrainingData _training;
    private readonly int _batchSize;
    private Tensor? _corpus;

    /// <summary>Creates the miner; nothing is encoded until the first search or <see cref="RebuildIndex"/>.</summary>
    /// <param name="encoder">The encoder being trained (not owned).</param>
    /// <param name="training">The training view whose corpus is mined.</param>
    /// <param name="similarity">The similarity the cell trains for.</param>
    /// <param name="batchSize">Texts per encoder call.</param>
    public EncoderDenseMiner(IEncoder encoder, ITrainingData training, SimilarityFunction similarity, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _encoder = encoder;
        _training = training;
        _batchSize = batchSize;
        Similarity = similarity;
    }

    /// <inheritdoc />
    public SimilarityFunction Similarity { get; }

    /// <summary>Optimizer steps applied so far; set by the trainer after each step.</summary>
    public long ModelVersion { get; set; }

    /// <inheritdoc />
    public long IndexVersion { get; private set; } = -1;

    /// <inheritdoc />
    public void RebuildIndex(CancellationToken cancellationToken = default)
    {
        var texts = _training.Corpus.Select(d => d.FullText).ToList();
        var encoded = Encode(texts, TextRole.Document, cancellationToken);
        _corpus?.Dispose();
        _corpus = encoded;
        IndexVersion = ModelVersion;
    }

    /// <inheritdoc />
    public Tensor? IndexSnapshot() => _corpus?.clone();

    /// <inheritdoc />
    public void RestoreIndex(Tensor embeddings, long version)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.dim() != 2 || embeddings.shape[0] != _training.Corpus.Count || embeddings.shape[1] != _encoder.Dimension)
        {
            throw new InvalidDataException($"the saved dense index is [{string.Join(", ", embeddings.shape)}], not [{_training.Corpus.Count}, {_encoder.Dimension}] (another corpus or encoder)");
        }

        _corpus?.Dispose();
        _corpus = embeddings.to(ScalarType.Float32).cpu().clone();
        IndexVersion = version;
    }

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<ScoredCandidate>> Search(IReadOnlyList<Query> queries, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        if (_corpus is null)
        {
            RebuildIndex(cancellationToken);
        }

        using var q = Encode(queries.Select(x => x.Text).ToList(), TextRole.Query, cancellationToken);
        var device = DeviceOfEncoder();
        var top = new ExactDenseSearcher(new DenseSearchOptions { Similarity = Similarity, Device = device }).Search(_corpus!, q, depth, cancellationToken);
        var result = new List<IReadOnlyList<ScoredCandidate>>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var list = new List<ScoredCandidate>(top.K);
            for (var k = 0; k < top.K; k++)
            {
                var index = top.Indices[(i * top.K) + k];
                list.Add(new ScoredCandidate(_training.Corpus[(int)index].Id, top.Scores[(i * top.K) + k], k));
            }

            result.Add(list);
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(documentIds);
        var texts = new List<string>(documentIds.Count);
        foreach (var id in documentIds)
        {
            var i = _training.IndexOf(id);
            texts.Add(i >= 0 ? _training.Corpus[i].FullText : throw new ArgumentException($"document '{id}' is not in the corpus", nameof(documentIds)));
        }

        using var scope = NewDisposeScope();
        var q = Encode([query.Text], TextRole.Query, CancellationToken.None);
        var d = Encode(texts, TextRole.Document, CancellationToken.None);
        var s = SimilarityMath.Matrix(q, d, Similarity).to(ScalarType.Float64).cpu();
        return s.data<double>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => _corpus?.Dispose();

    private Device DeviceOfEncoder() => _encoder.Module.parameters().FirstOrDefault()?.device ?? CPU;

    /// <summary>Encodes in batches under no_grad in eval mode, restoring the training mode; result on the CPU.</summary>
    private Tensor Encode(IReadOnlyList<string> texts, TextRole role, CancellationToken cancellationToken)
    {
        var module = _encoder.Module;
        var wasTraining = module.training;
        module.eval();
        try
        {
            using var _ = no_grad();
            if (texts.Count == 0)
            {
                return zeros(0, _encoder.Dimension);
            }

            var parts = new List<Tensor>();
            for (var start = 0; start < texts.Count; start += _batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = Math.Min(_batchSize, texts.Count - start);
                using var e = _encoder.Encode(texts.Skip(start).Take(n).ToList(), role);
                parts.Add(e.to(ScalarType.Float32).cpu());
            }

            var all = cat(parts, 0);
            foreach (var p in parts)
            {
                p.Dispose();
            }

            return all;
        }
        finally
        {
            module.train(wasTraining);
        }
    }
}
