using System.Globalization;
using System.Text;

namespace Harness.Core.Caching;

/// <summary>
/// Writes a file so that readers see the old content or the complete new content, never a part: the bytes go to a
/// hidden temporary sibling (same folder, so the same file system), are flushed to the device, and the temporary
/// file is renamed over the target (rename(2) replaces atomically). On failure the temporary file is removed and the
/// target is untouched.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a file through a stream.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        var temp = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes a UTF-8 text file (no byte-order mark) through a writer.</summary>
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

    /// <summary>Writes a UTF-8 text file (no byte-order mark).</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The text.</param>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteText(path, w => w.Write(text));
    }
}
