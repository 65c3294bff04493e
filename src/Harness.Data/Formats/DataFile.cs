using K4os.Compression.LZ4.Streams;
using SharpCompress.Compressors.Xz;
using System.IO.Compression;
using System.Text;

namespace Harness.Data.Formats;

/// <summary>Opens data files, decompressing by extension: <c>.gz</c>, <c>.lz4</c> (LZ4 frame), <c>.xz</c>, or plain.</summary>
public static class DataFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
        new(OpenRead(path), StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>
    /// Reads the lines of a UTF-8 text file with their 1-based numbers, streaming. Lines end at <c>\n</c> (a trailing
    /// <c>\r</c> is dropped); a leading byte-order mark is skipped. Each line is decoded on its own, so an invalid byte
    /// sequence is reported on the line that holds it.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>(line number, text) pairs.</returns>
    /// <exception cref="DatasetFormatException">A line is not valid UTF-8.</exception>
    public static IEnumerable<(long Line, string Text)> ReadLines(string path)
    {
        using var stream = OpenRead(path);
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        long n = 0;
        var first = true;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline < 0)
            {
                // Move the partial line to the front (growing the buffer for long lines) and read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read > 0)
                {
                    end += read;
                    continue;
                }

                if (end > start)
                {
                    yield return (++n, Decode(path, n, buffer, start, end - start, ref first));
                }

                yield break;
            }

            n++;
            yield return (n, Decode(path, n, buffer, start, newline - start, ref first));
            start = newline + 1;
        }
    }

    private static string Decode(string path, long line, byte[] bytes, int offset, int count, ref bool first)
    {
        if (first)
        {
            first = false;
            if (count >= 3 && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF)
            {
                offset += 3;
                count -= 3;
            }
        }

        if (count > 0 && bytes[offset + count - 1] == (byte)'\r')
        {
            count--;
        }

        try
        {
            return StrictUtf8.GetString(bytes, offset, count);
        }
        catch (DecoderFallbackException e)
        {
            throw new DatasetFormatException(path, line, "the file is not valid UTF-8", e);
        }
    }
}
