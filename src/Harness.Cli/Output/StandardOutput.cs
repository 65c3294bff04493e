namespace Harness.Cli.Output;

/// <summary>
/// Standard output for the verbs, guarded so that a reader going away (<c>harness plugins list | head -1</c>, or
/// stdout closed outright) surfaces as <see cref="StdoutClosedException"/> instead of an IOException that could be
/// mistaken for a failed file write. .NET ignores SIGPIPE, so the failed write is the only signal there is.
/// </summary>
internal static class StandardOutput
{
    /// <summary>Replaces <see cref="Console.Out"/> with the guarded writer.</summary>
    public static void Install() => Console.SetOut(new GuardedWriter(Console.Out));

    /// <summary>The raw standard output stream, guarded (for JSON writers).</summary>
    /// <returns>A stream; dispose it to flush.</returns>
    public static Stream OpenStream()
    {
        try
        {
            return new GuardedStream(Console.OpenStandardOutput());
        }
        catch (IOException e)
        {
            throw new StdoutClosedException(e);
        }
    }

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (IOException e) when (e is not StdoutClosedException)
        {
            throw new StdoutClosedException(e);
        }
    }

    private static void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });

    private sealed class GuardedWriter(TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Guard(() => inner.Write(value));

        public override void Write(string? value) => Guard(() => inner.Write(value));

        public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

        public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

        public override void Flush() => Guard(inner.Flush);
    }

    private sealed class GuardedStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Guard(inner.Flush);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var copy = buffer.ToArray();
            Guard(() => inner.Write(copy));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Guard(inner.Dispose);
            }

            base.Dispose(disposing);
        }
    }
}
