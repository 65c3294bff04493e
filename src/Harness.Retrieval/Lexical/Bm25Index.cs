using Harness.Abstractions.Datasets;
using Harness.Abstractions.Services;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Harness.Retrieval.Lexical;

/// <summary>
/// A BM25 index over a corpus with Lucene.Net (<see cref="EnglishAnalyzer"/>: standard tokenizer, possessive
/// and stop-word removal, Porter stemming). Indexes are cached through the host's cache
/// (<c>IPluginCache</c>, entry <c>bm25/&lt;content hash&gt;-english-v1</c>, published whole with a completion record),
/// or built in memory when no cache is given. k1 and b are search-time
/// settings in Lucene 4.8 (the norms BM25Similarity writes do not depend on them), so one index serves every
/// (k1, b). Documents are added in corpus order by one thread and merged with a merge policy that keeps order,
/// so Lucene doc ids equal corpus positions and equal scores rank by corpus position (ordinal id order).
/// Searching a batch of queries is multi-threaded. Dispose to close the index.
/// </summary>
public sealed class Bm25Index : IDisposable
{
    /// <summary>The analyzer name that is part of the cache key.</summary>
    public const string AnalyzerName = "english";

    private const string BodyField = "body";
    private const string IdField = "id";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer;
    private readonly string[] _ids;

    private Bm25Index(Lucene.Net.Store.Directory directory, string path, Bm25Options options)
    {
        Options = options;
        Path = path;
        _directory = directory;
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(options.K1, options.B) };
        _analyzer = new EnglishAnalyzer(Version);
        _ids = new string[_reader.MaxDoc];
        var scratch = new BytesRef();
        foreach (var leaf in _reader.Leaves)
        {
            var values = leaf.AtomicReader.GetBinaryDocValues(IdField);
            for (var d = 0; d < leaf.AtomicReader.MaxDoc; d++)
            {
                values.Get(d, scratch);
                _ids[leaf.DocBase + d] = scratch.Utf8ToString();
            }
        }
    }

    /// <summary>The search settings.</summary>
    public Bm25Options Options { get; }

    /// <summary>The cache area of BM25 indexes.</summary>
    public const string CacheArea = "bm25";

    /// <summary>The index folder, or <c>(memory)</c>.</summary>
    public string Path { get; }

    /// <summary>The number of indexed documents.</summary>
    public int DocumentCount => _ids.Length;

    /// <summary>The cache key of a corpus's index.</summary>
    /// <param name="contentHash">The dataset's content hash.</param>
    /// <returns>The key.</returns>
    public static string CacheKey(string contentHash) => $"{contentHash}-{AnalyzerName}-v1";

    /// <summary>Opens the cached index of a dataset, building it first when missing.</summary>
    /// <param name="dataset">The dataset (its corpus is indexed; its content hash keys the cache entry).</param>
    /// <param name="cache">The host cache (<c>bm25/KEY</c> entries); null builds an in-memory index that is not kept.</param>
    /// <param name="options">BM25 options (validated).</param>
    /// <param name="progress">Receives the number of documents indexed while an index is built.</param>
    /// <param name="cancellationToken">Cancels indexing.</param>
    /// <returns>The open index.</returns>
    public static Bm25Index OpenOrBuild(IDataset dataset, IPluginCache? cache, Bm25Options? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return OpenOrBuild(dataset.Corpus, dataset.ContentHash, cache, options, progress, cancellationToken);
    }

    /// <summary>Opens the cached index of a corpus, building it first when missing.</summary>
    /// <param name="corpus">The documents, in the order they are to be indexed.</param>
    /// <param name="contentHash">A hash that identifies the corpus.</param>
    /// <param name="cache">The host cache; null builds an in-memory index that is not kept.</param>
    /// <param name="options">BM25 options (validated).</param>
    /// <param name="progress">Receives the number of documents indexed while an index is built.</param>
    /// <param name="cancellationToken">Cancels indexing.</param>
    /// <returns>The open index.</returns>
    public static Bm25Index OpenOrBuild(IReadOnlyList<Harness.Abstractions.Datasets.Document> corpus, string contentHash, IPluginCache? cache, Bm25Options? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new Bm25Options();
        options.Validate();
        if (cache is null)
        {
            var memory = new RAMDirectory();
            Build(corpus, memory, options, progress, cancellationToken);
            return new Bm25Index(memory, "(memory)", options);
        }

        var path = cache.GetOrCreate(CacheArea, CacheKey(contentHash), temp =>
        {
            using var dir = FSDirectory.Open(new DirectoryInfo(temp));
            Build(corpus, dir, options, progress, cancellationToken);
        });
        return new Bm25Index(FSDirectory.Open(new DirectoryInfo(path)), path, options);
    }

    private static void Build(IReadOnlyList<Harness.Abstractions.Datasets.Document> corpus, Lucene.Net.Store.Directory dir, Bm25Options options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var analyzer = new EnglishAnalyzer(Version);
        var config = new IndexWriterConfig(Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = options.RamBufferMb,
            Similarity = new BM25Similarity(options.K1, options.B),
            MergePolicy = new LogByteSizeMergePolicy(),
        };
        using var writer = new IndexWriter(dir, config);
        var body = new TextField(BodyField, string.Empty, Field.Store.NO);
        var id = new BinaryDocValuesField(IdField, new BytesRef());
        var doc = new LuceneDocument { body, id };
        for (var i = 0; i < corpus.Count; i++)
        {
            if ((i & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(i);
            }

            var d = corpus[i];
            body.SetStringValue(d.FullText);
            id.SetBytesValue(new BytesRef(d.Id));
            writer.AddDocument(doc);
        }

        progress?.Report(corpus.Count);
        writer.ForceMerge(1);
        writer.Commit();
    }

    /// <summary>Searches one query.</summary>
    /// <param name="text">The query text (analysed like the documents; every token is a SHOULD clause).</param>
    /// <param name="k">How many documents to return.</param>
    /// <returns>Up to k documents, best first; ties by corpus position.</returns>
    public IReadOnlyList<ScoredDocument> Search(string text, int k)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var query = BuildQuery(text);
        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var top = _searcher.Search(query, Math.Min(k, Math.Max(1, _ids.Length)));
        var result = new ScoredDocument[top.ScoreDocs.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ScoredDocument(_ids[top.ScoreDocs[i].Doc], top.ScoreDocs[i].Score);
        }

        return result;
    }

    /// <summary>Searches a batch of queries on <see cref="Bm25Options.SearchThreads"/> threads.</summary>
    /// <param name="queries">The queries.</param>
    /// <param name="k">How many documents per query.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One ranked list per query, in query order.</returns>
    public IReadOnlyList<ScoredDocument>[] Search(IReadOnlyList<Harness.Abstractions.Datasets.Query> queries, int k, CancellationToken cancellationToken = default) =>
        Search(queries, k, null, cancellationToken);

    /// <summary>Searches a batch of queries on <see cref="Bm25Options.SearchThreads"/> threads, reporting queries done.</summary>
    /// <param name="queries">The queries.</param>
    /// <param name="k">How many documents per query.</param>
    /// <param name="progress">Receives the number of queries searched.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One ranked list per query, in query order.</returns>
    public IReadOnlyList<ScoredDocument>[] Search(IReadOnlyList<Harness.Abstractions.Datasets.Query> queries, int k, IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var results = new IReadOnlyList<ScoredDocument>[queries.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.SearchThreads), CancellationToken = cancellationToken };
        long done = 0;
        Parallel.For(0, queries.Count, parallel, i =>
        {
            results[i] = Search(queries[i].Text, k);
            var n = Interlocked.Increment(ref done);
            if ((n & 0xFF) == 0)
            {
                progress?.Report(n);
            }
        });
        progress?.Report(queries.Count);
        return results;
    }

    /// <summary>The analysed terms of a text, as the index sees them.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The terms in order (repeated terms repeat).</returns>
    public IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var ts = _analyzer.GetTokenStream(BodyField, text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        ts.End();
        return terms;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private BooleanQuery BuildQuery(string text)
    {
        var query = new BooleanQuery();
        foreach (var t in Analyze(text).Take(BooleanQuery.MaxClauseCount))
        {
            query.Add(new TermQuery(new Term(BodyField, t)), Occur.SHOULD);
        }

        return query;
    }
}
