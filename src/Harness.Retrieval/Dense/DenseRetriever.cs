using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using static TorchSharp.torch;

namespace Harness.Retrieval.Dense;

/// <summary>
/// First-stage dense retrieval as a library call: batch-encodes texts with an encoder (under no_grad, in eval mode,
/// restoring the module's training mode afterwards), keeps encoded corpora in an <see cref="EncodedCorpusStore"/>
/// when one is given, and ranks queries by exact top-k (<see cref="ExactDenseSearcher"/>). Used by
/// <c>harness retrieve</c> and by the runner. Does not own the encoder.
/// </summary>
public sealed class DenseRetriever
{
    private readonly IEncoder _encoder;
    private readonly DenseRetrievalOptions _options;

    /// <summary>Creates a retriever.</summary>
    /// <param name="encoder">The encoder (not disposed by the retriever).</param>
    /// <param name="options">Settings.</param>
    public DenseRetriever(IEncoder encoder, DenseRetrievalOptions options)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EncodeBatchSize, 1);
        if (options.Store is not null && string.IsNullOrEmpty(options.EncoderKey))
        {
            throw new ArgumentException("an encoder key is required when encoded corpora are stored", nameof(options));
        }

        _encoder = encoder;
        _options = options;
    }

    /// <summary>Encodes texts in batches into one CPU float32 matrix [n, d].</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="role">Query or document.</param>
    /// <param name="progress">Receives texts encoded.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <returns>The matrix; the caller disposes it.</returns>
    public Tensor Encode(IReadOnlyList<string> texts, TextRole role, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var batch = _options.EncodeBatchSize;
        var module = _encoder.Module;
        var wasTraining = module.training;
        using var noGrad = no_grad();
        module.eval();
        var parts = new List<Tensor>();
        try
        {
            for (var i = 0; i < texts.Count; i += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var slice = new string[Math.Min(batch, texts.Count - i)];
                for (var j = 0; j < slice.Length; j++)
                {
                    slice[j] = texts[i + j];
                }

                using var encoded = _encoder.Encode(slice, role);
                parts.Add(encoded.to(ScalarType.Float32).cpu());
                progress?.Report(i + slice.Length);
            }

            return parts.Count == 0
                ? zeros([0, _encoder.Dimension], ScalarType.Float32)
                : cat(parts, 0);
        }
        finally
        {
            foreach (var p in parts)
            {
                p.Dispose();
            }

            module.train(wasTraining);
        }
    }

    /// <summary>The encoded corpus of a dataset, from the store when it holds it, else encoded (and stored).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="progress">Receives documents encoded (nothing when the store holds the corpus).</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <returns>A CPU float32 matrix [N, d]; the caller disposes it.</returns>
    public Tensor EncodeCorpus(IDataset dataset, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var texts = dataset.Corpus.Select(d => d.FullText).ToList();
        return _options.Store is { } store
            ? store.GetOrEncode(dataset.ContentHash, _options.EncoderKey!, () => Encode(texts, TextRole.Document, progress, cancellationToken))
            : Encode(texts, TextRole.Document, progress, cancellationToken);
    }

    /// <summary>Ranks each query's top documents over an encoded corpus.</summary>
    /// <param name="corpus">The encoded corpus [N, d].</param>
    /// <param name="documentIds">The document id of each corpus row.</param>
    /// <param name="queries">The queries.</param>
    /// <param name="depth">Documents per query (at least 1).</param>
    /// <param name="progress">Receives queries encoded.</param>
    /// <param name="cancellationToken">Checked between batches and chunks.</param>
    /// <returns>One list per query, in query order; ties by corpus position.</returns>
    public IReadOnlyList<RankedList> Search(Tensor corpus, IReadOnlyList<string> documentIds, IReadOnlyList<Query> queries, int depth, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(documentIds);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        if (corpus.shape[0] != documentIds.Count)
        {
            throw new ArgumentException($"the corpus matrix has {corpus.shape[0]} rows but {documentIds.Count} document ids were given");
        }

        using var q = Encode(queries.Select(x => x.Text).ToList(), TextRole.Query, progress, cancellationToken);
        var top = new ExactDenseSearcher(_options.Search).Search(corpus, q, depth, cancellationToken);
        var lists = new RankedList[queries.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = top.ToRankedList(i, queries[i].Id, documentIds);
        }

        return lists;
    }

    /// <summary>Encodes the corpus (or loads it from the store) and ranks the queries.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="queries">The queries.</param>
    /// <param name="depth">Documents per query.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One list per query, in query order.</returns>
    public IReadOnlyList<RankedList> Retrieve(IDataset dataset, IReadOnlyList<Query> queries, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var corpus = EncodeCorpus(dataset, null, cancellationToken);
        return Search(corpus, dataset.Corpus.Select(d => d.Id).ToList(), queries, depth, null, cancellationToken);
    }
}
