namespace Harness.Results.Storage;

/// <summary>
/// Writes a file completely or not at all: the content goes to a hidden temporary file in the same folder
/// (<c>.NAME.tmp-PID-RANDOM</c>), is flushed to disk, and is then renamed over the target (rename is atomic within a
/// file system on POSIX). A reader therefore sees the old file, the new file, or no file, never half of one. A crash
/// leaves at most a temporary file, which <see cref="IsTemporary"/> recognises and readers skip.
/// </summary>
public static class AtomicFile
{
    private const string TemporaryMarker = ".tmp-";

    /// <summary>Writes <paramref name="path"/> through a temporary file.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content into the stream it is given (a seekable file stream).</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    /// <returns>A task.</returns>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}{TemporaryMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
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
        WriteAllBytesAsync(path, System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Whether a file name is one of this class's temporary files (an unfinished or abandoned write).</summary>
    /// <param name="fileName">A file name (no folder).</param>
    /// <returns>True for a temporary file.</returns>
    public static bool IsTemporary(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.StartsWith('.') && fileName.Contains(TemporaryMarker, StringComparison.Ordinal);
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
