using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Harness.Abstractions.Datasets;

/// <summary>
/// The canonical content hashes of the contract, lower-case hex SHA-256 over a length-prefixed serialisation (each
/// string as its UTF-8 byte count, little-endian int32, then the bytes; each int as little-endian int32):
/// <list type="bullet">
/// <item><see cref="Compute"/>: <c>"harness-dataset-hash/1"</c>, the document count, each document (id, title, text)
/// in ordinal id order; then for Train, Dev and Test: the split name, the query count, each query (id, text) in id
/// order, the judgment count and each judgment (query id, document id, grade) in (query id, document id) order, and
/// the hidden positives likewise. The display name is not hashed.</item>
/// <item><see cref="ComputeCorpus"/>: <c>"harness-corpus-hash/1"</c> and the corpus as above.</item>
/// <item><see cref="ComputeTrainingView"/>: <c>"harness-training-view-hash/1"</c>, the corpus hash, the positive grade,
/// the train queries and the train judgments as above.</item>
/// </list>
/// Every cache key and cell id rests on these: implement nothing else, call these.
/// </summary>
public static class DatasetContentHash
{
    /// <summary>The version tag of the dataset hash; changes when the serialisation changes.</summary>
    public const string FormatVersion = "harness-dataset-hash/1";

    /// <summary>The version tag of the corpus hash.</summary>
    public const string CorpusFormatVersion = "harness-corpus-hash/1";

    /// <summary>The version tag of the training-view hash.</summary>
    public const string TrainingViewFormatVersion = "harness-training-view-hash/1";

    private static readonly Split[] AllSplits = [Split.Train, Split.Dev, Split.Test];

    /// <summary>The canonical hash of a dataset: corpus, queries, judgments and hidden positives of every split.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    /// <exception cref="ArgumentException">The corpus holds duplicate document ids.</exception>
    public static string Compute(IDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Hash(FormatVersion, dataset.Corpus, h =>
        {
            foreach (var split in AllSplits)
            {
                h.Write(split.ToString());
                var has = dataset.Splits.Contains(split);
                WriteQueries(h, has ? dataset.GetQueries(split) : []);
                WriteQrels(h, has ? dataset.GetQrels(split) : Qrels.Empty);
                WriteQrels(h, has ? dataset.GetHiddenPositives(split) : Qrels.Empty);
            }
        });
    }

    /// <summary>The canonical hash of a corpus alone.</summary>
    /// <param name="corpus">The documents.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    /// <exception cref="ArgumentException">The corpus holds duplicate document ids.</exception>
    public static string ComputeCorpus(IReadOnlyList<Document> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Hash(CorpusFormatVersion, corpus, _ => { });
    }

    /// <summary>The canonical hash of exactly what a training view exposes.</summary>
    /// <param name="view">The view.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    public static string ComputeTrainingView(ITrainingData view)
    {
        ArgumentNullException.ThrowIfNull(view);
        using var h = new HashWriter();
        h.Write(TrainingViewFormatVersion);
        h.Write(view.CorpusHash);
        h.Write(view.PositiveGrade);
        WriteQueries(h, view.Queries);
        WriteQrels(h, view.Judgments);
        return h.Finish();
    }

    private static string Hash(string format, IReadOnlyList<Document> corpus, Action<HashWriter> rest)
    {
        // Optimistic: most corpora are already in id order (and a generated corpus makes documents on access, so
        // checking the order first would generate everything twice). Out of order: start again from a sorted copy.
        return TryHash(format, corpus, rest)
            ?? TryHash(format, corpus.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray(), rest)
            ?? throw new ArgumentException("the corpus holds duplicate document ids", nameof(corpus));
    }

    private static string? TryHash(string format, IReadOnlyList<Document> corpus, Action<HashWriter> rest)
    {
        using var h = new HashWriter();
        h.Write(format);
        h.Write(corpus.Count);

        // Corpora may generate documents on access (the synthetic corpus): fetch blocks in parallel, hash in order.
        var block = new Document[Math.Min(8192, Math.Max(1, corpus.Count))];
        string? previous = null;
        for (var start = 0; start < corpus.Count; start += block.Length)
        {
            var count = Math.Min(block.Length, corpus.Count - start);
            var offset = start;
            Parallel.For(0, count, i => block[i] = corpus[offset + i]);
            for (var i = 0; i < count; i++)
            {
                var d = block[i];
                if (previous is not null && string.CompareOrdinal(previous, d.Id) >= 0)
                {
                    return null;
                }

                previous = d.Id;
                h.Write(d.Id);
                h.Write(d.Title);
                h.Write(d.Text);
            }
        }

        rest(h);
        return h.Finish();
    }

    private static void WriteQueries(HashWriter h, IReadOnlyList<Query> queries)
    {
        var sorted = queries.OrderBy(q => q.Id, StringComparer.Ordinal).ToArray();
        h.Write(sorted.Length);
        foreach (var q in sorted)
        {
            h.Write(q.Id);
            h.Write(q.Text);
        }
    }

    private static void WriteQrels(HashWriter h, Qrels qrels)
    {
        h.Write(qrels.Count);
        foreach (var (q, d, g) in qrels.All())
        {
            h.Write(q);
            h.Write(d);
            h.Write(g);
        }
    }

    /// <summary>Buffers writes into an incremental SHA-256.</summary>
    private sealed class HashWriter : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        private int _used;

        public void Write(int value)
        {
            Ensure(4);
            BitConverter.TryWriteBytes(_buffer.AsSpan(_used), value);
            _used += 4;
        }

        public void Write(string value)
        {
            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            Ensure(max + 4);
            var n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
            BitConverter.TryWriteBytes(_buffer.AsSpan(_used), n);
            _used += 4 + n;
        }

        public string Finish()
        {
            Flush();
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        public void Dispose()
        {
            _hash.Dispose();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        private void Ensure(int bytes)
        {
            if (_used + bytes <= _buffer.Length)
            {
                return;
            }

            Flush();
            if (bytes > _buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(bytes);
            }
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }
}
