using Harness.Abstractions.Datasets;
using Harness.Abstractions.Services;
using Harness.Retrieval.Lexical;

namespace Harness.Core.Hosting;

/// <summary>
/// The host's <see cref="ILexicalSearcher"/>: Lucene BM25 (<see cref="Bm25Index"/>) over the training view's corpus,
/// cached under the cache root by corpus hash. Samplers reach BM25 only through this service.
/// </summary>
public sealed class Bm25LexicalSearcher : ILexicalSearcher, IDisposable
{
    private readonly Bm25Index _index;

    private Bm25LexicalSearcher(Bm25Index index)
    {
        _index = index;
        Description = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bm25(k1={index.Options.K1:R},b={index.Options.B:R},analyzer={Bm25Index.AnalyzerName})");
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Opens the cached index of the view's corpus, building it when missing.</summary>
    /// <param name="training">The training view (its corpus and corpus hash).</param>
    /// <param name="cache">The host cache (null: an in-memory index that is not kept).</param>
    /// <param name="options">BM25 parameters (default k1 = 0.9, b = 0.4).</param>
    /// <param name="cancellationToken">Cancels building.</param>
    /// <returns>The searcher; dispose it to close the index.</returns>
    public static Bm25LexicalSearcher OpenOrBuild(ITrainingData training, IPluginCache? cache, Bm25Options? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new Bm25LexicalSearcher(Bm25Index.OpenOrBuild(training.Corpus, training.CorpusHash, cache, options, cancellationToken: cancellationToken));
    }

    /// <summary>Opens the cached index of the view's corpus under a cache root, building it when missing.</summary>
    /// <param name="training">The training view (its corpus and corpus hash).</param>
    /// <param name="cacheRoot">The cache root (<see cref="Caching.CacheStore"/> entries).</param>
    /// <param name="options">BM25 parameters (default k1 = 0.9, b = 0.4).</param>
    /// <param name="cancellationToken">Cancels building.</param>
    /// <returns>The searcher; dispose it to close the index.</returns>
    public static Bm25LexicalSearcher OpenOrBuild(ITrainingData training, string cacheRoot, Bm25Options? options = null, CancellationToken cancellationToken = default) =>
        OpenOrBuild(training, new Caching.CacheStore(cacheRoot), options, cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<ScoredCandidate> Search(Query query, int depth)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return _index.Search(query.Text, depth).Select((d, rank) => new ScoredCandidate(d.DocumentId, d.Score, rank)).ToList();
    }

    /// <inheritdoc />
    public void Dispose() => _index.Dispose();
}
