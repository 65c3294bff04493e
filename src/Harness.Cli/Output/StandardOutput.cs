using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Harness.Cli.Output;

/// <summary>
/// Standard output for the verbs. .NET's console stream silently drops writes to a pipe whose reader is gone (and a
/// closed descriptor surfaces as a misleading "access denied"), so output lost that way would go unnoticed; the verbs
/// write to descriptor 1 through a FileStream instead, where EPIPE and EBADF raise, and every failure surfaces as
/// <see cref="StdoutClosedException"/> (exit status 141) rather than as a failed file write. Other write errors
/// (a full disk behind <c>&gt; file</c>) stay IOExceptions (exit status 3).
/// </summary>
internal static class StandardOutput
{
    private const int Epipe = 32;
    private const int Ebadf = 9;
    private static Stream? _stream;

    /// <summary>Replaces <see cref="Console.Out"/> with a writer on the guarded stream.</summary>
    public static void Install()
    {
        _stream = new GuardedStream(Open);
        Console.SetOut(new StreamWriter(_stream, new UTF8Encoding(false), 1 << 12, leaveOpen: true) { AutoFlush = true });
    }

    /// <summary>The guarded standard output stream (for JSON writers); not to be disposed.</summary>
    /// <returns>The stream.</returns>
    public static Stream OpenStream() => _stream ?? throw new InvalidOperationException("StandardOutput.Install was not called");

    private static FileStream Open()
    {
        try
        {
            return new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StdoutClosedException(new IOException("standard output is not open", Ebadf));
        }
    }

    private sealed class GuardedStream(Func<FileStream> open) : Stream
    {
        private FileStream? _inner;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _inner ??= open();
            try
            {
                _inner.Write(buffer);
            }
            catch (IOException e) when (e.HResult is Epipe or Ebadf)
            {
                throw new StdoutClosedException(e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new StdoutClosedException(e);
            }
        }
    }
}
