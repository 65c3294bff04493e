using System.IO.Compression;
using System.Text;
using Harness.Abstractions.Datasets;

namespace Harness.Data.Caching;

/// <summary>
/// A compact binary file holding a whole dataset (Brotli-compressed, length-prefixed UTF-8), used for cache entries.
/// The content hash is stored with it and checked against the header on load.
/// </summary>
public static class DatasetFile
{
    private const string Magic = "harness-dataset/1";

    /// <summary>Writes a dataset.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="path">The file to write (overwritten).</param>
    public static void Write(IDataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var file = File.Create(path);
        using var brotli = new BrotliStream(file, CompressionLevel.Fastest);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(dataset.Name);
        w.Write(dataset.ContentHash);
        w.Write(dataset.Corpus.Count);
        foreach (var d in dataset.Corpus)
        {
            w.Write(d.Id);
            w.Write(d.Title);
            w.Write(d.Text);
        }

        foreach (var split in new[] { Split.Train, Split.Dev, Split.Test })
        {
            var qs = dataset.GetQueries(split);
            w.Write(qs.Count);
            foreach (var q in qs)
            {
                w.Write(q.Id);
                w.Write(q.Text);
            }

            WriteQrels(w, dataset.GetQrels(split));
            WriteQrels(w, dataset.GetHiddenPositives(split));
        }
    }

    /// <summary>Reads a dataset written by <see cref="Write"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The dataset, with the stored content hash.</returns>
    /// <exception cref="DatasetFormatException">The file is not a dataset file.</exception>
    public static InMemoryDataset Read(string path)
    {
        using var file = File.OpenRead(path);
        using var brotli = new BrotliStream(file, CompressionMode.Decompress);
        using var r = new BinaryReader(brotli, Encoding.UTF8);
        try
        {
            if (r.ReadString() != Magic)
            {
                throw new DatasetFormatException(path, 0, $"not a {Magic} file");
            }

            var name = r.ReadString();
            var hash = r.ReadString();
            var n = r.ReadInt32();
            var corpus = new Document[n];
            for (var i = 0; i < n; i++)
            {
                corpus[i] = new Document(r.ReadString(), r.ReadString(), r.ReadString());
            }

            var queries = new Dictionary<Split, IReadOnlyList<Query>>();
            var qrels = new Dictionary<Split, Qrels>();
            var hidden = new Dictionary<Split, Qrels>();
            foreach (var split in new[] { Split.Train, Split.Dev, Split.Test })
            {
                var m = r.ReadInt32();
                var qs = new Query[m];
                for (var i = 0; i < m; i++)
                {
                    qs[i] = new Query(r.ReadString(), r.ReadString());
                }

                queries[split] = qs;
                qrels[split] = ReadQrels(r);
                hidden[split] = ReadQrels(r);
            }

            return new InMemoryDataset(name, corpus, queries, qrels, hidden, hash);
        }
        catch (EndOfStreamException e)
        {
            throw new DatasetFormatException(path, 0, "truncated dataset file", e);
        }
    }

    private static void WriteQrels(BinaryWriter w, Qrels qrels)
    {
        w.Write(qrels.Count);
        foreach (var (q, d, g) in qrels.All())
        {
            w.Write(q);
            w.Write(d);
            w.Write(g);
        }
    }

    private static Qrels ReadQrels(BinaryReader r)
    {
        var n = r.ReadInt32();
        var b = new Qrels.Builder();
        for (var i = 0; i < n; i++)
        {
            b.Add(r.ReadString(), r.ReadString(), r.ReadInt32());
        }

        return b.Build();
    }
}
