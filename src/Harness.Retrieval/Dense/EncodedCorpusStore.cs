using System.Globalization;
using Harness.Abstractions.Services;
using static TorchSharp.torch;

namespace Harness.Retrieval.Dense;

/// <summary>
/// Encoded corpora on disk: a float32 [N, d] matrix per (dataset content hash, encoder key), stored raw
/// (little-endian) with its shape in the host cache entry <c>dense/&lt;hash&gt;-&lt;encoder key&gt;</c> (published
/// whole, with a completion record that detects a truncated or altered matrix). Loading reads the file straight into a tensor's storage (no second copy).
/// </summary>
public sealed class EncodedCorpusStore
{
    private const string MatrixFile = "embeddings.f32";
    private const string ShapeFile = "shape.txt";
    private const string Area = "dense";
    private readonly IPluginCache _cache;

    /// <summary>Creates a store in the host cache.</summary>
    /// <param name="cache">The host cache.</param>
    public EncodedCorpusStore(IPluginCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <summary>The entry key of a dataset and an encoder.</summary>
    /// <param name="contentHash">The dataset's content hash.</param>
    /// <param name="encoderKey">Identifies the encoder and its weights (letters, digits, '-', '_', '.').</param>
    /// <returns>The key.</returns>
    public static string Key(string contentHash, string encoderKey) => $"{contentHash}-{encoderKey}";

    /// <summary>Whether an encoded corpus is stored.</summary>
    /// <param name="contentHash">The dataset's content hash.</param>
    /// <param name="encoderKey">The encoder key.</param>
    /// <returns>True when present.</returns>
    public bool Contains(string contentHash, string encoderKey) => _cache.Contains(Area, Key(contentHash, encoderKey));

    /// <summary>Returns the stored matrix, encoding and storing it first when missing.</summary>
    /// <param name="contentHash">The dataset's content hash.</param>
    /// <param name="encoderKey">The encoder key.</param>
    /// <param name="encode">Produces the float32 [N, d] matrix when it is not stored.</param>
    /// <returns>A CPU float32 tensor [N, d]; the caller disposes it.</returns>
    public Tensor GetOrEncode(string contentHash, string encoderKey, Func<Tensor> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        var dir = _cache.GetOrCreate(Area, Key(contentHash, encoderKey), temp =>
        {
            using var m = encode();
            Write(m, temp);
        });
        return Read(dir);
    }

    private static void Write(Tensor matrix, string folder)
    {
        if (matrix.dim() != 2)
        {
            throw new ArgumentException($"expected a [N, d] matrix, got [{string.Join(",", matrix.shape)}]");
        }

        using var cpu = matrix.to(ScalarType.Float32).cpu().contiguous();
        File.WriteAllText(Path.Combine(folder, ShapeFile), FormattableString.Invariant($"{cpu.shape[0]} {cpu.shape[1]}\n"));
        using var file = File.Create(Path.Combine(folder, MatrixFile));
        foreach (var (start, rows) in RowBlocks(cpu.shape[0], cpu.shape[1]))
        {
            using var block = cpu.narrow(0, start, rows);
            file.Write(block.bytes);
        }
    }

    private static Tensor Read(string folder)
    {
        var shape = File.ReadAllText(Path.Combine(folder, ShapeFile)).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var result = empty(shape, ScalarType.Float32);
        try
        {
            using var file = File.OpenRead(Path.Combine(folder, MatrixFile));
            var total = result.NumberOfElements * sizeof(float);
            if (file.Length != total)
            {
                throw new InvalidDataException($"{folder}: {MatrixFile} holds {file.Length} bytes, expected {total} for shape [{string.Join(",", shape)}]");
            }

            foreach (var (start, rows) in RowBlocks(shape[0], shape[1]))
            {
                using var block = result.narrow(0, start, rows);
                file.ReadExactly(block.bytes);
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>Row ranges of at most 256 MB each (Tensor.bytes spans are int-sized).</summary>
    private static IEnumerable<(long Start, long Rows)> RowBlocks(long n, long d)
    {
        var perBlock = Math.Max(1, (256L << 20) / (Math.Max(1, d) * sizeof(float)));
        for (long s = 0; s < n; s += perBlock)
        {
            yield return (s, Math.Min(perBlock, n - s));
        }
    }
}
