using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Harness.Evaluation.Ranking;
using Microsoft.Win32.SafeHandles;

namespace Harness.Evaluation.Parsing;

/// <summary>
/// Reads a run file (<c>qid iter docno rank sim runid [ignored...]</c>, sim by atof, <c>#</c> comments) in parallel:
/// the file is cut into slices at line starts, each worker parses its slices from bytes (no per-line strings) and keeps
/// only the results of queries that are in the qrels, with their qrels level already looked up.
/// </summary>
internal static class RunFileReader
{
    // Slices plus the 64 KiB read-ahead fill a 4 MiB pooled buffer exactly.
    private const int SliceBytes = (4 << 20) - 65536;

    public static RunData Read(string path, Qrels qrels)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvaluationException($"{path}: cannot read run file: {e.Message}", ExitCodes.Input);
        }

        using (handle)
        {
            var length = RandomAccess.GetLength(handle);
            var slices = (int)Math.Max(1, (length + SliceBytes - 1) / SliceBytes);
            var chunks = new RunChunk[slices];
            Parallel.For(
                0,
                slices,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i =>
                {
                    var start = (long)i * SliceBytes;
                    var end = Math.Min(length, start + SliceBytes);
                    chunks[i] = ParseSlice(handle, length, start, end, qrels);
                });

            long linesBefore = 0;
            foreach (var c in chunks)
            {
                if (c.Error is not null)
                {
                    throw new EvaluationException($"{path}:{linesBefore + c.ErrorLine}: {c.Error}", ExitCodes.Input);
                }

                linesBefore += c.LineCount;
            }

            return new RunData(chunks, LastRunId(handle, chunks));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RunChunk ParseSlice(SafeFileHandle handle, long fileLength, long start, long end, Qrels qrels)
    {
        // Read from start-1 (to see whether a line starts at `start`) to a little past `end` (to finish the last line).
        var readStart = Math.Max(0, start - 1);
        var want = (int)Math.Min(fileLength - readStart, end - readStart + 65536);
        var buffer = ArrayPool<byte>.Shared.Rent(want);
        try
        {
            var got = ReadFully(handle, buffer, readStart, want);
            var chunk = new RunChunk((int)((end - start) / 34) + 16, (int)((end - start) / 3) + 64);
            var pos = 0;
            if (start > 0)
            {
                var first = buffer.AsSpan(0, got).IndexOf((byte)'\n');
                pos = first < 0 ? got : first + 1;
            }

            var sliceEnd = (int)(end - readStart);
            Span<int> starts = stackalloc int[6];
            Span<int> lengths = stackalloc int[6];
            JudgedQuery? current = null;
            var currentQidStart = -1;
            var currentQidLength = 0;
            var ignoredQidStart = -1;
            var ignoredQidLength = 0;
            while (pos < sliceEnd && pos < got)
            {
                // One pass over the line's fields (qid, iter, docno, rank, sim; then only "is there a sixth?"),
                // then a vectorised search for the newline from there.
                var bytes = buffer.AsSpan(0, got);
                if (!RunLineScanner.TryScan(bytes, pos, starts, lengths, out var n, out var i, out var comment))
                {
                    n = 0;
                    i = pos;
                    comment = false;
                    while (true)
                    {
                        while (i < bytes.Length && bytes[i] <= ' ' && bytes[i] != '\n' && CNumber.IsSpace(bytes[i]))
                        {
                            i++;
                        }

                        if (i >= bytes.Length || bytes[i] == '\n')
                        {
                            break;
                        }

                        if (n == 0 && bytes[i] == '#')
                        {
                            comment = true;
                            break;
                        }

                        if (n == 5)
                        {
                            n = 6;
                            break;
                        }

                        var fieldStart = i;
                        while (i < bytes.Length && (bytes[i] > ' ' || !CNumber.IsSpace(bytes[i])))
                        {
                            i++;
                        }

                        starts[n] = fieldStart;
                        lengths[n] = i - fieldStart;
                        n++;
                    }
                }

                var nl = bytes[i..].IndexOf((byte)'\n');
                if (nl < 0 && readStart + got < fileLength)
                {
                    // The line runs past what was read: read more and parse it again (rare: lines longer than 64 KiB).
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(got * 2, want + (1 << 20)));
                    Array.Copy(buffer, bigger, got);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                    want = (int)Math.Min(fileLength - readStart, buffer.Length);
                    got += ReadFully(handle, buffer.AsSpan(got, want - got), readStart + got);
                    currentQidStart = -1;
                    ignoredQidStart = -1;
                    current = null;
                    continue;
                }

                var lineEnd = nl < 0 ? got : i + nl;
                chunk.LineCount++;
                if (!comment && n > 0)
                {
                    if (n < 6)
                    {
                        chunk.Error = $"malformed run line: expected 6 fields (qid iter docno rank sim runid), found {n}";
                        chunk.ErrorLine = chunk.LineCount;
                        break;
                    }

                    var qid = bytes.Slice(starts[0], lengths[0]);
                    chunk.LastLineOffset = readStart + pos;
                    chunk.LastLineLength = lineEnd - pos;

                    if (currentQidStart < 0 || !qid.SequenceEqual(bytes.Slice(currentQidStart, currentQidLength)))
                    {
                        if (ignoredQidStart >= 0 && qid.SequenceEqual(bytes.Slice(ignoredQidStart, ignoredQidLength)))
                        {
                            pos = lineEnd + 1;
                            continue;
                        }

                        current = qrels.Find(qid);
                        if (current is null)
                        {
                            // A query without judgments: trec_eval ignores it.
                            ignoredQidStart = starts[0];
                            ignoredQidLength = lengths[0];
                            currentQidStart = -1;
                            pos = lineEnd + 1;
                            continue;
                        }

                        currentQidStart = starts[0];
                        currentQidLength = lengths[0];
                        ignoredQidStart = -1;
                    }

                    var docNo = bytes.Slice(starts[2], lengths[2]);
                    var score = CNumber.Atof(bytes.Slice(starts[4], lengths[4]));
                    chunk.Add(current!.Index, score, Evaluator.Resolve(current, docNo), docNo);
                }

                pos = lineEnd + 1;
            }

            chunk.BuildSegments(qrels.QueryCount);
            return chunk;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Re-finds fields 0-4 of the line starting at <paramref name="pos"/> as absolute offsets (first line only).</summary>
    private static void Fields(ReadOnlySpan<byte> bytes, int pos, Span<int> starts, Span<int> lengths)
    {
        LineFields.Split(bytes[pos..], starts, lengths, out _);
        for (var k = 0; k < starts.Length; k++)
        {
            starts[k] += pos;
        }
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static int ReadFully(SafeFileHandle handle, byte[] buffer, long offset, int count) => ReadFully(handle, buffer.AsSpan(0, count), offset);

    /// <summary>Reads a whole run file into an in-memory <see cref="Run"/> (strings; for the API, not the fast path).</summary>
    public static Run ReadToMemory(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvaluationException($"{path}: cannot read run file: {e.Message}", ExitCodes.Input);
        }

        var run = new Run();
        var lastRunStart = -1;
        var lastRunLength = 0;
        Span<int> starts = stackalloc int[6];
        Span<int> lengths = stackalloc int[6];
        long lineNo = 0;
        var pos = 0;
        while (pos < data.Length)
        {
            var nl = data.AsSpan(pos).IndexOf((byte)'\n');
            var line = nl < 0 ? data.AsSpan(pos) : data.AsSpan(pos, nl);
            pos = nl < 0 ? data.Length : pos + nl + 1;
            lineNo++;
            var n = LineFields.Split(line, starts, lengths, out var skip);
            if (skip)
            {
                continue;
            }

            if (n < 6)
            {
                throw new EvaluationException(
                    $"{path}:{lineNo}: malformed run line: expected 6 fields (qid iter docno rank sim runid), found {n}", ExitCodes.Input);
            }

            var lineStart = (int)(pos - (nl < 0 ? line.Length : line.Length + 1));
            lastRunStart = lineStart + starts[5];
            lastRunLength = lengths[5];
            run.Add(
                Encoding.UTF8.GetString(line.Slice(starts[0], lengths[0])),
                Encoding.UTF8.GetString(line.Slice(starts[2], lengths[2])),
                CNumber.Atof(line.Slice(starts[4], lengths[4])));
        }

        // get_trec_results.c: every query carries the run_id of the last line parsed.
        run.RunId = lastRunStart < 0 ? string.Empty : Encoding.UTF8.GetString(data, lastRunStart, lastRunLength);
        return run;
    }

    /// <summary>The sixth field of the file's last result line (what trec_eval prints as runid), or "".</summary>
    private static string LastRunId(SafeFileHandle handle, RunChunk[] chunks)
    {
        for (var c = chunks.Length - 1; c >= 0; c--)
        {
            if (chunks[c].LastLineOffset < 0)
            {
                continue;
            }

            var line = new byte[chunks[c].LastLineLength];
            ReadFully(handle, line, chunks[c].LastLineOffset, line.Length);
            Span<int> starts = stackalloc int[6];
            Span<int> lengths = stackalloc int[6];
            LineFields.Split(line, starts, lengths, out _);
            return Encoding.UTF8.GetString(line.AsSpan(starts[5], lengths[5]));
        }

        return string.Empty;
    }

    /// <summary>The 1-based line of the second occurrence of (qid, docno) in a run file, or 0 (error reporting only).</summary>
    public static long FindDuplicateLine(string path, string queryId, string docNo)
    {
        var q = Encoding.UTF8.GetBytes(queryId);
        var d = Encoding.UTF8.GetBytes(docNo);
        Span<int> starts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var seen = 0;
        long lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = Encoding.UTF8.GetBytes(raw);
            var n = LineFields.Split(line, starts, lengths, out var skip);
            if (!skip && n == 3 && line.AsSpan(starts[0], lengths[0]).SequenceEqual(q) && line.AsSpan(starts[2], lengths[2]).SequenceEqual(d) && ++seen == 2)
            {
                return lineNo;
            }
        }

        return 0;
    }
}
