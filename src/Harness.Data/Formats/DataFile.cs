using K4os.Compression.LZ4.Streams;
using SharpCompress.Compressors.Xz;
using System.IO.Compression;
using System.Text;

namespace Harness.Data.Formats;

/// <summary>Opens data files, decompressing by extension: <c>.gz</c>, <c>.lz4</c> (LZ4 frame), <c>.xz</c>, or plain.</summary>
public static class DataFile
{
    /// <summary>Opens a file for reading as a byte stream, decompressing by extension.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A readable stream; the caller disposes it.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Stream OpenRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found", path);
        }

        var raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".gz" => new GZipStream(raw, CompressionMode.Decompress),
                ".lz4" => LZ4Stream.Decode(raw),
                ".xz" => new XZStream(raw),
                _ => raw,
            };
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    /// <summary>Opens a file as UTF-8 text, decompressing by extension.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A reader; the caller disposes it.</returns>
    public static StreamReader OpenText(string path) =>
        new(OpenRead(path), new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>Reads the lines of a text file with their 1-based numbers, streaming.</summary>
    /// <param name="path">The file.</param>
    /// <returns>(line number, text) pairs.</returns>
    public static IEnumerable<(long Line, string Text)> ReadLines(string path)
    {
        using var reader = OpenText(path);
        long n = 0;
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException e)
            {
                throw new DatasetFormatException(path, n + 1, "the file is not valid UTF-8", e);
            }

            if (line is null)
            {
                yield break;
            }

            n++;
            yield return (n, line);
        }
    }
}
