namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// A read-only pass-through stream that remembers whether its source has reported its end: when a decompressor fails
/// after its compressed input ran out, the file was cut short (a truncated gzip or xz stream), not corrupt.
/// </summary>
internal sealed class EndTrackingStream(Stream inner) : Stream
{
    /// <summary>Whether a read of the source returned 0 bytes.</summary>
    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;

    private long _position;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>Bytes read so far (SharpCompress's xz decoder reads Position to measure its blocks, even on pipes).</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _position += n;
        if (n == 0 && !buffer.IsEmpty)
        {
            ReachedEnd = true;
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
