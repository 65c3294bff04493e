namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// The read side of a decompressor, with its failures made uniform: SharpCompress's xz decoder throws what it meets
/// (ArgumentOutOfRangeException on a cut footer, for one), so any exception from a read other than an I/O or data
/// error becomes <see cref="InvalidDataException"/>, which <see cref="InputFile.IsReadFailure"/> reports in one line.
/// </summary>
internal sealed class DecompressingStream(Stream decompressor) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return decompressor.Read(buffer);
        }
        catch (Exception e) when (e is not (IOException or InvalidDataException or OperationCanceledException or OutOfMemoryException))
        {
            throw new InvalidDataException($"corrupt compressed data ({e.GetType().Name}: {e.Message})", e);
        }
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
            decompressor.Dispose();
        }

        base.Dispose(disposing);
    }
}
