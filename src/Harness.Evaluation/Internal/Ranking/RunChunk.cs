using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Harness.Evaluation.Internal.Parsing;

namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// Results of the judged queries parsed from one slice of a run (or from an in-memory run), stored column-wise:
/// score, qrels level, docno bytes in an arena. <see cref="BuildSegments"/> then says which query each stretch
/// belongs to (one segment per query when the slice interleaves queries).
/// </summary>
internal sealed class RunChunk
{
    // Where the entries of each query begin, in parse order (a new run starts when the query changes): usually one run
    // per query of the slice, one per entry for an unsorted run. Replaces a query index per entry. Pooled: an unsorted
    // run needs them as long as the chunk, and they are dropped once the segments are built.
    private int[] _runQueries = ArrayPool<int>.Shared.Rent(256);
    private int[] _runStarts = ArrayPool<int>.Shared.Rent(256);
    private int _runs;

    // What the first growth jumps to (a chunk started small because its queries were to be scored while parsing, but
    // the slice is unsorted): the slice's full estimate at once, not 1.5x steps that overshoot it.
    private readonly int _fullCapacity;
    private readonly int _fullArenaCapacity;

    public RunChunk(int capacity, int arenaCapacity, int fullCapacity = 0, int fullArenaCapacity = 0)
    {
        _fullCapacity = fullCapacity;
        _fullArenaCapacity = fullArenaCapacity;
        // Uninitialised: every element is written by Add before it is read (these arrays are most of the heap).
        var n = Math.Max(capacity, 16);
        Scores = GC.AllocateUninitializedArray<double>(n);
        Rels = GC.AllocateUninitializedArray<int>(n);
        Hashes = GC.AllocateUninitializedArray<int>(n);
        DocStarts = GC.AllocateUninitializedArray<int>(n + 1);
        DocStarts[0] = 0;
        Arena = GC.AllocateUninitializedArray<byte>(Math.Max(arenaCapacity, 256));
    }

    public double[] Scores;
    public int[] Rels;

    /// <summary>Each docno's <see cref="ByteKeyMap.Hash"/>, computed once for the qrels lookup and reused by the duplicate check.</summary>
    public int[] Hashes;

    /// <summary>Where each docno starts in <see cref="Arena"/>; docno i ends where i + 1 starts (DocStarts[Count] = ArenaLength).</summary>
    public int[] DocStarts;
    public byte[] Arena;
    public int Count;
    public int ArenaLength;
    public List<RunSegment> Segments { get; } = [];

    /// <summary>Queries scored while parsing (<see cref="IRunScorer"/>), in parse order; their entries were dropped.</summary>
    public List<ScoredRun> Scored { get; } = [];

    /// <summary>Entries dropped by <see cref="DiscardFrom"/> (scored already): with <see cref="Count"/>, every judged result kept.</summary>
    public long Discarded;

    /// <summary>This chunk alone, as the chunk list <see cref="RankedDoc.Chunk"/> indexes when one of its queries is scored while parsing.</summary>
    public RunChunk[] Self => field ??= [this];

    /// <summary>Lines (including comments and ignored queries) that start in this slice.</summary>
    public long LineCount;

    /// <summary>First error in this slice: its 1-based line number within the slice and what is wrong.</summary>
    public long ErrorLine;
    public string? Error;

    /// <summary>The run id (sixth field) of the chunk's last result line, null when it has none: trec_eval reports the
    /// run id of the file's last result line (get_trec_results.c keeps the run_id of the last line parsed).</summary>
    public string? LastRunId;

    /// <summary>Lines whose score <c>--lenient</c> read with atof although it is not a finite decimal number.</summary>
    public long CoercedLines;

    public ReadOnlySpan<byte> DocNo(int i) => Arena.AsSpan(DocStarts[i], DocStarts[i + 1] - DocStarts[i]);

    public void Add(int queryIndex, double score, int rel, ReadOnlySpan<byte> docNo) =>
        Add(queryIndex, score, rel, docNo, ByteKeyMap.Hash(docNo));

    /// <summary>Appends one result; <paramref name="hash"/> is <see cref="ByteKeyMap.Hash"/> of <paramref name="docNo"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int queryIndex, double score, int rel, ReadOnlySpan<byte> docNo, int hash)
    {
        var count = Count;
        if (count == Scores.Length || ArenaLength + docNo.Length > Arena.Length)
        {
            Grow(docNo.Length);
        }

        if (_runs == 0 || _runQueries[_runs - 1] != queryIndex)
        {
            StartRun(queryIndex, count);
        }

        var at = ArenaLength;
        var to = Arena.AsSpan(at, docNo.Length);
        if (docNo.Length is >= 8 and <= 16)
        {
            // Two overlapping 8-byte moves, inline: most docnos are 8-16 bytes, and CopyTo is a Memmove call per line.
            ref var from = ref MemoryMarshal.GetReference(docNo);
            ref var into = ref MemoryMarshal.GetReference(to);
            var last = docNo.Length - 8;
            var head = Unsafe.ReadUnaligned<ulong>(ref from);
            var tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, last));
            Unsafe.WriteUnaligned(ref into, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref into, last), tail);
        }
        else
        {
            docNo.CopyTo(to);
        }

        Scores[count] = score;
        Rels[count] = rel;
        Hashes[count] = hash;
        ArenaLength = at + docNo.Length;
        Count = count + 1;
        DocStarts[count + 1] = ArenaLength;
    }

    /// <summary>
    /// Drops entries from <paramref name="entry"/> on (the last query's, just scored), and the run of one query that
    /// starts there.
    /// </summary>
    public void DiscardFrom(int entry)
    {
        Discarded += Count - entry;
        Count = entry;
        ArenaLength = DocStarts[entry];
        if (_runs > 0 && _runStarts[_runs - 1] == entry)
        {
            _runs--;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int docNoLength)
    {
        if (Count == Scores.Length)
        {
            // Grow by half: the slices are sized from an estimate, doubling would waste up to half the memory.
            var n = Count < _fullCapacity ? _fullCapacity : Count + (Count / 2) + 16;
            Array.Resize(ref Scores, n);
            Array.Resize(ref Rels, n);
            Array.Resize(ref Hashes, n);
            Array.Resize(ref DocStarts, n + 1);
        }

        if (ArenaLength + docNoLength > Arena.Length)
        {
            Array.Resize(ref Arena, Math.Max(ArenaLength < _fullArenaCapacity ? _fullArenaCapacity : Arena.Length + (Arena.Length / 2), ArenaLength + docNoLength));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void StartRun(int queryIndex, int start)
    {
        if (_runs == _runQueries.Length || _runs == _runStarts.Length)
        {
            _runQueries = Regrow(_runQueries, _runs);
            _runStarts = Regrow(_runStarts, _runs);
        }

        _runQueries[_runs] = queryIndex;
        _runStarts[_runs] = start;
        _runs++;
    }

    /// <summary>
    /// Makes <see cref="Segments"/> from the runs of one query as they were added: as they are when the slice is
    /// grouped by query (the usual run file); when queries interleave (an unsorted run), the entries are first regrouped
    /// by a stable counting sort so each query has one segment. Call once, after the last <c>Add</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BuildSegments(int queryCount)
    {
        var changes = Math.Max(0, _runs - 1);
        if (changes <= 64 || changes <= Count / 16)
        {
            for (var r = 0; r < _runs; r++)
            {
                var end = r + 1 < _runs ? _runStarts[r + 1] : Count;
                Segments.Add(new RunSegment(_runQueries[r], _runStarts[r], end - _runStarts[r]));
            }
        }
        else
        {
            Regroup(queryCount);
        }

        ArrayPool<int>.Shared.Return(_runQueries);
        ArrayPool<int>.Shared.Return(_runStarts);
        _runQueries = [];
        _runStarts = [];
        _runs = 0;
    }

    private static int[] Regrow(int[] array, int used)
    {
        var bigger = ArrayPool<int>.Shared.Rent(Math.Max(256, used * 2));
        Array.Copy(array, bigger, used);
        ArrayPool<int>.Shared.Return(array);
        return bigger;
    }

    private void Regroup(int queryCount)
    {
        var counts = new int[queryCount];
        var docBytes = new int[queryCount];
        for (var r = 0; r < _runs; r++)
        {
            var q = _runQueries[r];
            var end = r + 1 < _runs ? _runStarts[r + 1] : Count;
            counts[q] += end - _runStarts[r];
            docBytes[q] += DocStarts[end] - DocStarts[_runStarts[r]];
        }

        var offsets = new int[queryCount];
        var docOffsets = new int[queryCount];
        int position = 0, docPosition = 0;
        for (var q = 0; q < queryCount; q++)
        {
            if (counts[q] > 0)
            {
                Segments.Add(new RunSegment(q, position, counts[q]));
            }

            offsets[q] = position;
            docOffsets[q] = docPosition;
            position += counts[q];
            docPosition += docBytes[q];
        }

        var scores = GC.AllocateUninitializedArray<double>(Count);
        var rels = GC.AllocateUninitializedArray<int>(Count);
        var hashes = GC.AllocateUninitializedArray<int>(Count);
        var starts = GC.AllocateUninitializedArray<int>(Count + 1);
        var arena = GC.AllocateUninitializedArray<byte>(ArenaLength);
        for (var r = 0; r < _runs; r++)
        {
            var q = _runQueries[r];
            var end = r + 1 < _runs ? _runStarts[r + 1] : Count;
            for (var i = _runStarts[r]; i < end; i++)
            {
                var to = offsets[q]++;
                var length = DocStarts[i + 1] - DocStarts[i];
                var at = docOffsets[q];
                docOffsets[q] += length;
                scores[to] = Scores[i];
                rels[to] = Rels[i];
                hashes[to] = Hashes[i];
                starts[to] = at;
                Array.Copy(Arena, DocStarts[i], arena, at, length);
            }
        }

        // Docnos are laid out query by query in entry order, so entry i's docno still ends where entry i + 1's starts.
        starts[Count] = ArenaLength;
        Scores = scores;
        Rels = rels;
        Hashes = hashes;
        DocStarts = starts;
        Arena = arena;
    }
}
