using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Harness.Evaluation.Internal.Ranking;
using Microsoft.Win32.SafeHandles;

namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// Reads a run (<c>qid iter docno rank sim runid [ignored...]</c>, sim by atof, <c>#</c> comments). A plain file is cut
/// into slices at line starts and parsed in parallel from bytes (no per-line strings); a stream (standard input, FIFO,
/// gzip, xz) is read in blocks cut at line ends. Only the results of queries in the qrels are kept, with their qrels
/// level already looked up. Strict (default): a score must be a finite decimal number; <c>lenient</c>: atof, counted.
/// </summary>
internal static class RunFileReader
{
    // A slice, the byte before it (is a line starting there?) and the 64 KiB read-ahead fill a 4 MiB pooled buffer
    // exactly. One byte more (the constant until 2026-12-01) rented every slice but the first from the pool's 8 MiB
    // bucket: fresh 8 MiB arrays, half of each unused (peak RSS 69-73 -> 62-66 MB on the 5M-line benchmark).
    private const int SliceBytes = (4 << 20) - 65536 - 1;

    /// <summary>
    /// Reads the run from <paramref name="input"/> (opened from <paramref name="path"/>). With a <paramref name="scorer"/>,
    /// a plain file's queries are scored while parsing (see <see cref="IRunScorer"/>); the input must then stay open
    /// until <see cref="Reparse"/> is no longer needed.
    /// </summary>
    public static RunData Read(InputFile input, string path, TrecQrels qrels, bool lenient, IRunScorer? scorer = null)
    {
        RunChunk[] chunks;
        try
        {
            chunks = input.Handle is { } handle ? ReadParallel(handle, input.Length, qrels, lenient, scorer) : ReadSequential(input.Stream!, qrels, lenient);
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw input.Failure(path, "run file", e);
        }

        long linesBefore = 0, coerced = 0, kept = 0;
        string? runId = null;
        foreach (var c in chunks)
        {
            if (c.Error is not null)
            {
                throw new EvaluationException($"{path}:{linesBefore + c.ErrorLine}: {c.Error}", EvaluationError.Malformed);
            }

            linesBefore += c.LineCount;
            coerced += c.CoercedLines;
            kept += c.Count + c.Discarded;
            runId = c.LastRunId ?? runId;
        }

        if (kept == 0 && !lenient)
        {
            throw new EvaluationException(
                linesBefore == 0 ? $"{path}:1: the run is empty" : $"{path}:{linesBefore}: no line of the run is for a query in the qrels ({qrels.QueryCount} judged queries)",
                EvaluationError.Malformed);
        }

        return new RunData(chunks, runId ?? string.Empty, coerced) { Source = input.Handle, Lenient = lenient };
    }

    /// <summary>
    /// Reads the lines of <paramref name="ranges"/> (byte ranges of whole lines of <paramref name="run"/>'s file, each
    /// of one query, scored while parsing) again into one chunk, for queries that also have lines elsewhere.
    /// </summary>
    public static RunChunk Reparse(RunData run, TrecQrels qrels, IReadOnlyList<(long Start, long End)> ranges)
    {
        var handle = run.Source ?? throw new InvalidOperationException("the run's lines can be read again only from a plain file");
        var chunk = new RunChunk(1024, 16384);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            foreach (var (start, end) in ranges)
            {
                var length = (int)(end - start);
                if (buffer.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                var got = ReadFully(handle, buffer.AsSpan(0, length), start);
                ParseBlock(buffer.AsSpan(0, got), 0, qrels, chunk, run.Lenient, null, 0);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        chunk.BuildSegments(qrels.QueryCount);
        return chunk;
    }

    private static RunChunk[] ReadParallel(SafeFileHandle handle, long length, TrecQrels qrels, bool lenient, IRunScorer? scorer)
    {
        var slices = (int)Math.Max(1, (length + SliceBytes - 1) / SliceBytes);
        var chunks = new RunChunk[slices];
        Parallel.For(
            0,
            slices,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => scorer?.CreateWorker(),
            (i, _, worker) =>
            {
                var start = (long)i * SliceBytes;
                var end = Math.Min(length, start + SliceBytes);
                chunks[i] = ParseSlice(handle, length, start, end, qrels, lenient, scorer, worker);
                return worker;
            },
            static _ => { });
        return chunks;
    }

    /// <summary>
    /// Reads a stream in 4 MiB blocks, each ending at a line end (a line longer than a block grows it), and parses the
    /// blocks on other cores while the next ones are read (at most one block per core in flight). Chunks keep the
    /// blocks' order, so lines, errors and sums are those of a single-threaded read. Reading stops after a block with
    /// an error.
    /// </summary>
    private static RunChunk[] ReadSequential(Stream stream, TrecQrels qrels, bool lenient)
    {
        var chunks = new List<RunChunk?>();
        var tasks = new List<Task>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var failed = 0;
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        var buffer = ArrayPool<byte>.Shared.Rent(SliceBytes);
        try
        {
            var filled = 0;
            var eof = false;
            while ((!eof || filled > 0) && Volatile.Read(ref failed) == 0)
            {
                while (!eof && filled < buffer.Length)
                {
                    var n = stream.Read(buffer, filled, buffer.Length - filled);
                    if (n == 0)
                    {
                        eof = true;
                    }

                    filled += n;
                }

                var end = eof ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (end == 0)
                {
                    // One line fills the whole buffer: make room for more of it.
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Array.Copy(buffer, bigger, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                    continue;
                }

                // The unparsed tail (the start of the next line) moves to a fresh buffer; this one goes to a worker.
                var next = ArrayPool<byte>.Shared.Rent(Math.Max(SliceBytes, 2 * (filled - end)));
                Array.Copy(buffer, end, next, 0, filled - end);
                var block = buffer;
                var length = end;
                buffer = next;
                filled -= end;
                int index;
                lock (chunks)
                {
                    index = chunks.Count;
                    chunks.Add(null);
                }

                slots.Wait();
                tasks.Add(Task.Run(() =>
                {
                    try
                    {
                        var chunk = new RunChunk((length / 34) + 16, (length / 3) + 64);
                        ParseBlock(block.AsSpan(0, length), 0, qrels, chunk, lenient, null, 0);
                        chunk.BuildSegments(qrels.QueryCount);
                        lock (chunks)
                        {
                            chunks[index] = chunk;
                        }

                        if (chunk.Error is not null)
                        {
                            Volatile.Write(ref failed, 1);
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                        Volatile.Write(ref failed, 1);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(block);
                        slots.Release();
                    }
                }));
            }
        }
        finally
        {
            // Whatever happened while reading (a truncated gzip throws here), no worker may outlive its buffer or the
            // semaphore.
            Task.WaitAll([.. tasks]);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (failures.TryDequeue(out var failure))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return [.. chunks.Select(c => c!)];
    }

    private static RunChunk ParseSlice(SafeFileHandle handle, long fileLength, long start, long end, TrecQrels qrels, bool lenient, IRunScorer? scorer, EvaluationWorker? worker)
    {
        // Read from start-1 (to see whether a line starts at `start`) to a little past `end` (to finish the last line).
        var readStart = Math.Max(0, start - 1);
        var want = (int)Math.Min(fileLength - readStart, end - readStart + 65536);
        var buffer = ArrayPool<byte>.Shared.Rent(want);
        try
        {
            var got = ReadFully(handle, buffer.AsSpan(0, want), readStart);
            // Scored while parsing, a sorted run's chunk holds a few queries at a time (it grows to the estimate if it must).
            var entries = (int)((end - start) / 34) + 16;
            var arena = (int)((end - start) / 3) + 64;
            var chunk = scorer is null
                ? new RunChunk(entries, arena)
                : new RunChunk(Math.Min(entries, 8192), Math.Min(arena, 131072), entries, arena);
            var pos = 0;
            if (start > 0)
            {
                var first = buffer.AsSpan(0, got).IndexOf((byte)'\n');
                pos = first < 0 ? got : first + 1;
            }

            // The slice's lines are those that start before `end`: up to the first line end at or after end - 1.
            var sliceEnd = (int)(end - readStart);
            int blockEnd;
            while (true)
            {
                var from = Math.Max(pos, sliceEnd - 1);
                var nl = from >= got ? -1 : buffer.AsSpan(from, got - from).IndexOf((byte)'\n');
                if (pos >= sliceEnd)
                {
                    blockEnd = pos;
                    break;
                }

                if (nl >= 0 || readStart + got >= fileLength)
                {
                    blockEnd = nl >= 0 ? from + nl + 1 : got;
                    break;
                }

                // The last line runs past what was read (lines longer than 64 KiB): read more of it.
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(got * 2, want + (1 << 20)));
                Array.Copy(buffer, bigger, got);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
                want = (int)Math.Min(fileLength - readStart, buffer.Length);
                got += ReadFully(handle, buffer.AsSpan(got, want - got), readStart + got);
            }

            if (blockEnd > pos)
            {
                ParseBlock(buffer.AsSpan(0, blockEnd), pos, qrels, chunk, lenient, scorer is null ? null : (scorer, worker!), readStart);
            }

            chunk.BuildSegments(qrels.QueryCount);
            return chunk;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Parses the whole lines of <paramref name="bytes"/> from <paramref name="pos"/> (the last may lack its newline).
    /// With <paramref name="eager"/>, each stretch of one query's lines that is neither the block's first (it may
    /// continue a query from the previous block) nor its last (it may go on in the next) is scored as soon as the next
    /// query starts and its entries are dropped; <paramref name="baseOffset"/> is the file offset of
    /// <paramref name="bytes"/>, for <see cref="ScoredRun"/>'s byte range.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParseBlock(ReadOnlySpan<byte> bytes, int pos, TrecQrels qrels, RunChunk chunk, bool lenient, (IRunScorer Scorer, EvaluationWorker Worker)? eager, long baseOffset)
    {
        var runEntry = 0;
        var runByte = 0;
        var firstRun = true;
        Span<int> starts = stackalloc int[6];
        Span<int> lengths = stackalloc int[6];
        JudgedQuery? current = null;
        var currentQidStart = -1;
        var currentQidLength = 0;
        var ignoredQidStart = -1;
        var ignoredQidLength = 0;
        var lastLineStart = -1;
        var lastLineEnd = 0;
        while (pos < bytes.Length)
        {
            // One pass over the line's fields (qid, iter, docno, rank, sim; then only "is there a sixth?"),
            // then a vectorised search for the newline from there. The scanners' out values are copied into locals
            // of the loop: a local whose address is taken lives on the stack for the whole method (every use of
            // n, i, comment and lineEnd was a memory access).
            int n, i, lineEnd;
            bool comment;
            if (RunLineScanner.TryScan(bytes, pos, starts, lengths, out var scanFields, out var scanNext, out var scanComment, out var scanEnd))
            {
                n = scanFields;
                i = scanNext;
                comment = scanComment;
                lineEnd = scanEnd;
            }
            else
            {
                n = ScanFields(bytes, pos, starts, lengths, out var next, out var isComment);
                i = next;
                comment = isComment;
                lineEnd = -1;
            }

            if (lineEnd < 0)
            {
                var nl = bytes[i..].IndexOf((byte)'\n');
                lineEnd = nl < 0 ? bytes.Length : i + nl;
            }

            chunk.LineCount++;
            if (!comment && n > 0)
            {
                if (n < 6)
                {
                    chunk.Error = FieldCountError(n);
                    chunk.ErrorLine = chunk.LineCount;
                    break;
                }

                var scoreField = bytes.Slice(starts[4], lengths[4]);
                if (!ScoreField.TryParse(scoreField, out var score) && !CNumber.IsStrictDecimal(scoreField, score = CNumber.Atof(scoreField)))
                {
                    if (!lenient)
                    {
                        chunk.Error = ScoreError(scoreField, score);
                        chunk.ErrorLine = chunk.LineCount;
                        break;
                    }

                    chunk.CoercedLines++;
                }

                lastLineStart = pos;
                lastLineEnd = lineEnd;
                var qid = bytes.Slice(starts[0], lengths[0]);
                if (currentQidStart < 0 || lengths[0] != currentQidLength || !SameBytes(bytes, starts[0], currentQidStart, currentQidLength))
                {
                    if (currentQidStart >= 0 && eager is { } e)
                    {
                        // The query before this line is complete here (unless it has lines elsewhere too).
                        var count = chunk.Count - runEntry;
                        if (!firstRun && count > 1)
                        {
                            chunk.Scored.Add(e.Scorer.Score(e.Worker, current!, chunk, runEntry, count, baseOffset + runByte, baseOffset + pos));
                            chunk.DiscardFrom(runEntry);
                        }

                        firstRun = false;
                    }

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
                    runEntry = chunk.Count;
                    runByte = pos;
                }

                var docNo = bytes.Slice(starts[2], lengths[2]);
                var hash = ByteKeyMap.Hash(docNo);
                chunk.Add(current!.Index, score, Evaluator.Resolve(current, docNo, hash), docNo, hash);
            }

            pos = lineEnd + 1;
        }

        if (lastLineStart >= 0)
        {
            chunk.LastRunId = RunId(bytes[lastLineStart..lastLineEnd]);
        }
    }

    // ParseBlock's cold paths, out of line: ParseBlock is compiled by the JIT (AggressiveOptimization), and code it
    // never runs costs compile time and registers in its loop.

    /// <summary>
    /// The scalar field scanner, for lines <see cref="RunLineScanner"/> does not take (fields past its 64-byte window,
    /// the block's last 64 bytes): the line's first six fields from <paramref name="pos"/>; <paramref name="next"/> is
    /// where scanning stopped (the newline, the end, the sixth field's start or a comment's '#').
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ScanFields(ReadOnlySpan<byte> bytes, int pos, Span<int> starts, Span<int> lengths, out int next, out bool comment)
    {
        var n = 0;
        var i = pos;
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

        next = i;
        return n;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string FieldCountError(int n) => $"malformed run line: expected 6 fields (qid iter docno rank sim runid), found {n}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ScoreError(ReadOnlySpan<byte> scoreField, double score) =>
        $"score '{Encoding.UTF8.GetString(scoreField)}' is not a finite decimal number (--lenient reads it with atof as trec_eval does: {score:R})";

    /// <summary>The sixth field of a result line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string RunId(ReadOnlySpan<byte> line)
    {
        Span<int> starts = stackalloc int[6];
        Span<int> lengths = stackalloc int[6];
        LineFields.Split(line, starts, lengths, out _);
        return Encoding.UTF8.GetString(line.Slice(starts[5], lengths[5]));
    }

    /// <summary>
    /// Whether the <paramref name="length"/> bytes at <paramref name="a"/> and at <paramref name="b"/> are equal: the
    /// per-line "same query as the line before?" test. An id of 1 to 8 bytes (nearly all) is compared as one masked
    /// 64-bit load when 8 bytes can be read at both places; SequenceEqual would be a call on every line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameBytes(ReadOnlySpan<byte> bytes, int a, int b, int length)
    {
        if (BitConverter.IsLittleEndian && (uint)(length - 1) < 8 && a <= bytes.Length - 8 && b <= bytes.Length - 8)
        {
            ref var r = ref MemoryMarshal.GetReference(bytes);
            var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, a)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r, b));
            return x << (64 - (8 * length)) == 0; // the first `length` bytes are the low ones
        }

        return bytes.Slice(a, length).SequenceEqual(bytes.Slice(b, length));
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

    /// <summary>Reads a whole run into an in-memory <see cref="TrecRun"/> (strings; for the API, not the fast path).</summary>
    public static TrecRun ReadToMemory(string path, bool lenient)
    {
        byte[] data;
        using (var input = InputFile.Open(path, "run file"))
        {
            try
            {
                data = input.ReadAll();
            }
            catch (Exception e) when (InputFile.IsReadFailure(e))
            {
                throw input.Failure(path, "run file", e);
            }
        }

        var run = new TrecRun();
        var lastRunStart = -1;
        var lastRunLength = 0;
        Span<int> starts = stackalloc int[6];
        Span<int> lengths = stackalloc int[6];
        long lineNo = 0;
        var pos = 0;
        while (pos < data.Length)
        {
            var nl = data.AsSpan(pos).IndexOf((byte)'\n');
            var lineStart = pos;
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
                    $"{path}:{lineNo}: malformed run line: expected 6 fields (qid iter docno rank sim runid), found {n}", EvaluationError.Malformed);
            }

            var scoreField = line.Slice(starts[4], lengths[4]);
            var score = CNumber.Atof(scoreField);
            if (!CNumber.IsStrictDecimal(scoreField, score))
            {
                if (!lenient)
                {
                    throw new EvaluationException(
                        $"{path}:{lineNo}: score '{Encoding.UTF8.GetString(scoreField)}' is not a finite decimal number", EvaluationError.Malformed);
                }

                run.CoercedLines++;
            }

            lastRunStart = lineStart + starts[5];
            lastRunLength = lengths[5];
            run.Add(
                Encoding.UTF8.GetString(line.Slice(starts[0], lengths[0])),
                Encoding.UTF8.GetString(line.Slice(starts[2], lengths[2])),
                score);
        }

        // get_trec_results.c: every query carries the run_id of the last line parsed.
        run.RunId = lastRunStart < 0 ? string.Empty : Encoding.UTF8.GetString(data, lastRunStart, lastRunLength);
        return run;
    }

    /// <summary>The 1-based line of the second occurrence of (qid, docno) in a run file, or 0 (error reporting only; plain files).</summary>
    public static long FindDuplicateLine(string path, string queryId, string docNo)
    {
        if (path == "-" || !File.Exists(path))
        {
            return 0;
        }

        var q = Encoding.UTF8.GetBytes(queryId);
        var d = Encoding.UTF8.GetBytes(docNo);
        Span<int> starts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var seen = 0;
        long lineNo = 0;
        byte[] data;
        using (var input = InputFile.Open(path, "run file"))
        {
            if (input.Handle is null)
            {
                // A FIFO or pipe has been consumed already; a compressed file could be re-read but is not worth it here.
                return 0;
            }

            data = input.ReadAll();
        }

        var pos = 0;
        while (pos < data.Length)
        {
            var nl = data.AsSpan(pos).IndexOf((byte)'\n');
            var line = nl < 0 ? data.AsSpan(pos) : data.AsSpan(pos, nl);
            pos = nl < 0 ? data.Length : pos + nl + 1;
            lineNo++;
            var n = LineFields.Split(line, starts, lengths, out var skip);
            if (!skip && n == 3 && line.Slice(starts[0], lengths[0]).SequenceEqual(q) && line.Slice(starts[2], lengths[2]).SequenceEqual(d) && ++seen == 2)
            {
                return lineNo;
            }
        }

        return 0;
    }
}
