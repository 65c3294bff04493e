using System.Globalization;
using System.Text;

namespace Harness.Results.Storage;

/// <summary>
/// The house's one atomic file write (results, caches, manifests, runs): the content goes to a hidden temporary file
/// in the same folder (<c>.NAME.tmp-PID-RANDOM</c>, so the same file system), is flushed to the device, and is then
/// renamed over the target (rename(2) replaces atomically). A reader therefore sees the old file, the new file, or
/// no file, never half of one. On failure or cancellation the temporary file is removed and the target is untouched;
/// a crash leaves at most a temporary file, which <see cref="IsTemporary"/> recognises and readers skip. It lives in
/// Harness.Results, the lowest layer that writes files, because Results may reference nothing of the house
/// (a results folder is readable with this assembly alone) while Core, the CLI and the leaderboard all reference it.
/// The folder is created when missing.
/// </summary>
public static class AtomicFile
{
    private const string TemporaryMarker = ".tmp-";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> through a temporary file, synchronously.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content into the stream it is given (a file stream).</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var temporary = CreateTemporaryPath(path, out var full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes a UTF-8 text file (no byte-order mark) through a writer, synchronously.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the text.</param>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>Writes a UTF-8 text file (no byte-order mark), synchronously.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The text.</param>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteText(path, w => w.Write(text));
    }

    /// <summary>Writes <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content into the stream it is given (a seekable file stream).</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    /// <returns>A task.</returns>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var temporary = CreateTemporaryPath(path, out var full);
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes bytes to <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (s, ct) => s.WriteAsync(bytes, ct).AsTask(), cancellationToken);

    /// <summary>Writes UTF-8 text (no byte-order mark, <c>\n</c> line ends as given) through a temporary file.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The content.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, Utf8.GetBytes(text), cancellationToken);

    /// <summary>Whether a file name is one of this class's temporary files (an unfinished or abandoned write).</summary>
    /// <param name="fileName">A file name (no folder).</param>
    /// <returns>True for a temporary file.</returns>
    public static bool IsTemporary(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.StartsWith('.') && fileName.Contains(TemporaryMarker, StringComparison.Ordinal);
    }

    private static string CreateTemporaryPath(string path, out string full)
    {
        full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}{TemporaryMarker}{Environment.ProcessId}-{Guid.NewGuid():N}"));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is recognisable and harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
