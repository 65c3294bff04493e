using System.IO.Compression;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// An input named on the command line, opened the fastest way it allows: a plain regular file as a handle for parallel
/// positioned reads; anything else as a sequential stream: <c>-</c> (standard input), a FIFO, a process substitution
/// (<c>&lt;(...)</c>), <c>/dev/stdin</c>, and gzip- or xz-compressed data (recognised by magic number, whatever the name).
/// </summary>
internal sealed class InputFile : IDisposable
{
    private readonly IDisposable? _owner;
    private EndTrackingStream? _compressedSource;
    private char _compression;

    static InputFile()
    {
        // .NET's GZipStream ends a truncated stream silently (returns 0 as at a proper end) unless this switch is on;
        // with it on, it throws InvalidDataException when its input ends before the deflate stream does. Set here,
        // before the first gzip input is opened, so `harness eval` reports the truncation instead of the cut last line.
        AppContext.SetSwitch("System.IO.Compression.UseStrictValidation", true);
    }

    private InputFile(SafeFileHandle? handle, long length, Stream? stream, IDisposable? owner)
    {
        Handle = handle;
        Length = length;
        Stream = stream;
        _owner = owner;
    }

    /// <summary>The handle of a seekable, uncompressed file (null when <see cref="Stream"/> must be read instead).</summary>
    public SafeFileHandle? Handle { get; }

    /// <summary>The length of <see cref="Handle"/>'s file.</summary>
    public long Length { get; }

    /// <summary>The (decompressed) bytes to read sequentially, when there is no <see cref="Handle"/>.</summary>
    public Stream? Stream { get; }

    /// <summary>Opens <paramref name="path"/> (<c>-</c>: standard input); <paramref name="what"/> names it in errors ("run file").</summary>
    public static InputFile Open(string path, string what)
    {
        try
        {
            if (path == "-")
            {
                return FromStream(Console.OpenStandardInput(1 << 16));
            }

            var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
            var file = new FileStream(handle, FileAccess.Read, 0);
            if (!file.CanSeek)
            {
                // A FIFO, a pipe (process substitution, /dev/stdin) or a character device: read it once, in order.
                return FromStream(file);
            }

            Span<byte> magic = stackalloc byte[6];
            var n = 0;
            while (n < magic.Length)
            {
                var got = RandomAccess.Read(handle, magic[n..], n);
                if (got == 0)
                {
                    break;
                }

                n += got;
            }

            return Compression(magic[..n]) is { } kind
                ? Compressed(file, kind)
                : new InputFile(handle, RandomAccess.GetLength(handle), null, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new EvaluationException($"{path}: cannot read {what}: {e.Message}", EvaluationError.Unreadable);
        }
    }

    /// <summary>Reads the whole (decompressed) input into memory.</summary>
    public byte[] ReadAll()
    {
        if (Handle is not null)
        {
            var data = new byte[Length];
            var total = 0;
            while (total < data.Length)
            {
                var n = RandomAccess.Read(Handle, data.AsSpan(total), total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total == data.Length ? data : data[..total];
        }

        using var memory = new MemoryStream();
        Stream!.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>
    /// Whether an exception thrown while reading is a read or decompression failure (a truncated or corrupt gzip/xz
    /// stream, an I/O error). SharpCompress's exception types are matched by namespace so that the check does not load
    /// SharpCompress for plain inputs.
    /// </summary>
    public static bool IsReadFailure(Exception e) =>
        e is IOException or InvalidDataException || (e.GetType().Namespace?.StartsWith("SharpCompress", StringComparison.Ordinal) ?? false);

    /// <summary>
    /// The one-line error for a read failure (<see cref="IsReadFailure"/>) of this input: <c>PATH: truncated gzip
    /// stream: ...</c> when the decompressor failed after the compressed data ran out, else <c>PATH: cannot read WHAT: ...</c>.
    /// </summary>
    public EvaluationException Failure(string path, string what, Exception e) =>
        _compressedSource is { ReachedEnd: true }
            ? new EvaluationException(
                $"{path}: truncated {(_compression == 'g' ? "gzip" : "xz")} stream: the compressed {what} ends before its end", EvaluationError.Unreadable)
            : new EvaluationException($"{path}: cannot read {what}: {e.Message}", EvaluationError.Unreadable);

    public void Dispose()
    {
        Stream?.Dispose();
        _owner?.Dispose();
    }

    private static InputFile FromStream(Stream stream)
    {
        var magic = new byte[6];
        var n = 0;
        while (n < magic.Length)
        {
            var got = stream.Read(magic, n, magic.Length - n);
            if (got == 0)
            {
                break;
            }

            n += got;
        }

        var whole = new PrefixedStream(magic, n, stream);
        return Compression(magic.AsSpan(0, n)) is { } kind ? Compressed(whole, kind) : new InputFile(null, 0, whole, null);
    }

    private static InputFile Compressed(Stream source, char kind)
    {
        var tracked = new EndTrackingStream(source);
        return new InputFile(null, 0, new DecompressingStream(Decompress(tracked, kind)), null) { _compressedSource = tracked, _compression = kind };
    }

    private static char? Compression(ReadOnlySpan<byte> magic)
    {
        if (magic.Length >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            return 'g';
        }

        // xz: FD 37 7A 58 5A 00.
        return magic.SequenceEqual((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) ? 'x' : null;
    }

    private static Stream Decompress(Stream stream, char kind) =>
        kind == 'g' ? new GZipStream(stream, CompressionMode.Decompress) : Xz(stream);

    // Its own method so SharpCompress is loaded only when an xz input is met (harness eval must start fast).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Stream Xz(Stream stream) => new SharpCompress.Compressors.Xz.XZStream(stream);
}
