using Harness.Abstractions.Datasets;
using Harness.Abstractions.Services;

namespace Harness.Retrieval.Lexical;

/// <summary>
/// First-stage BM25 retrieval as a library call: opens (or builds and caches) the dataset's Lucene index and
/// ranks queries. Used by <c>harness retrieve</c> and by the runner. Dispose to close the index.
/// </summary>
public sealed class Bm25Retriever : IDisposable
{
    private readonly Bm25Index _index;

    private Bm25Retriever(Bm25Index index)
    {
        _index = index;
    }

    /// <summary>The configuration as results record it, for example <c>bm25(k1=0.9,b=0.4)</c>.</summary>
    public string Description => _index.Options.Description;

    /// <summary>The index.</summary>
    public Bm25Index Index => _index;

    /// <summary>Opens the dataset's index, building it when the cache lacks it.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cache">The host cache, or null for an in-memory index.</param>
    /// <param name="options">BM25 options (validated first: k1 and b finite and non-negative).</param>
    /// <param name="indexProgress">Receives documents indexed while an index is built.</param>
    /// <param name="cancellationToken">Cancels indexing.</param>
    /// <returns>The retriever.</returns>
    public static Bm25Retriever Open(IDataset dataset, IPluginCache? cache, Bm25Options options, IProgress<long>? indexProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new Bm25Retriever(Bm25Index.OpenOrBuild(dataset, cache, options, indexProgress, cancellationToken));
    }

    /// <summary>Ranks each query's top documents.</summary>
    /// <param name="queries">The queries.</param>
    /// <param name="depth">Documents per query (at least 1).</param>
    /// <param name="progress">Receives queries done.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>One list per query, in query order.</returns>
    public IReadOnlyList<RankedList> Retrieve(IReadOnlyList<Query> queries, int depth, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var hits = _index.Search(queries, depth, progress, cancellationToken);
        var lists = new RankedList[queries.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = new RankedList(queries[i].Id, hits[i]);
        }

        return lists;
    }

    /// <inheritdoc />
    public void Dispose() => _index.Dispose();
}
