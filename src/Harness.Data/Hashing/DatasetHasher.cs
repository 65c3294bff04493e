using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Harness.Abstractions.Data;

namespace Harness.Data.Hashing;

/// <summary>
/// The content hash of a dataset: SHA-256 over a canonical, length-prefixed serialisation of exactly what was
/// loaded, lower-case hex. Canonical order: corpus by document id, then for each split (train, dev, test) its
/// queries by id, its judgments by (query id, document id) and its hidden positives likewise (all ordinal).
/// The dataset's display name is not part of the hash.
/// </summary>
public static class DatasetHasher
{
    /// <summary>The version of the canonical form; changes when the serialisation changes.</summary>
    public const string FormatVersion = "harness-dataset-hash/1";

    /// <summary>Hashes a dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    public static string Compute(IDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);

        // Optimistic: most corpora are already in id order (and the synthetic one generates documents on access, so
        // checking the order first would generate everything twice). Out of order: start again from a sorted copy.
        return TryCompute(dataset, dataset.Corpus)
            ?? TryCompute(dataset, dataset.Corpus.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray())
            ?? throw new ArgumentException("the corpus holds duplicate document ids", nameof(dataset));
    }

    private static string? TryCompute(IDataset dataset, IReadOnlyList<Document> corpus)
    {
        using var h = new HashWriter();
        h.Write(FormatVersion);
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

        foreach (var split in new[] { Split.Train, Split.Dev, Split.Test })
        {
            h.Write(split.ToString());
            var queries = dataset.GetQueries(split).OrderBy(q => q.Id, StringComparer.Ordinal).ToArray();
            h.Write(queries.Length);
            foreach (var q in queries)
            {
                h.Write(q.Id);
                h.Write(q.Text);
            }

            WriteQrels(h, dataset.GetQrels(split));
            WriteQrels(h, dataset.GetHiddenPositives(split));
        }

        return h.Finish();
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
