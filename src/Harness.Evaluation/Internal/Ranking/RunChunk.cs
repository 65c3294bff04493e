using System.Buffers;
using System.Runtime.CompilerServices;

namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// Results of the judged queries parsed from one slice of a run (or from an in-memory run), stored column-wise:
/// score, qrels level, docno bytes in an arena. <see cref="BuildSegments"/> then says which query each stretch
/// belongs to (one segment per query when the slice interleaves queries).
/// </summary>
internal sealed class RunChunk
{
    private int[] _queries;

    public RunChunk(int capacity, int arenaCapacity)
    {
        Scores = new double[Math.Max(capacity, 16)];
        Rels = new int[Scores.Length];
        DocStarts = new int[Scores.Length + 1];
        Arena = new byte[Math.Max(arenaCapacity, 256)];
        _queries = ArrayPool<int>.Shared.Rent(Scores.Length);
    }

    public double[] Scores;
    public int[] Rels;

    /// <summary>Where each docno starts in <see cref="Arena"/>; docno i ends where i + 1 starts (DocStarts[Count] = ArenaLength).</summary>
    public int[] DocStarts;
    public byte[] Arena;
    public int Count;
    public int ArenaLength;
    public List<RunSegment> Segments { get; } = [];

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int queryIndex, double score, int rel, ReadOnlySpan<byte> docNo)
    {
        if (Count == Scores.Length)
        {
            // Grow by half: the slices are sized from an estimate, doubling would waste up to half the memory.
            var n = Count + (Count / 2) + 16;
            Array.Resize(ref Scores, n);
            Array.Resize(ref Rels, n);
            Array.Resize(ref DocStarts, n + 1);
            var queries = ArrayPool<int>.Shared.Rent(n);
            Array.Copy(_queries, queries, Count);
            ArrayPool<int>.Shared.Return(_queries);
            _queries = queries;
        }

        if (ArenaLength + docNo.Length > Arena.Length)
        {
            Array.Resize(ref Arena, Math.Max(Arena.Length + (Arena.Length / 2), ArenaLength + docNo.Length));
        }

        docNo.CopyTo(Arena.AsSpan(ArenaLength));
        Scores[Count] = score;
        Rels[Count] = rel;
        _queries[Count] = queryIndex;
        DocStarts[Count] = ArenaLength;
        ArenaLength += docNo.Length;
        Count++;
        DocStarts[Count] = ArenaLength;
    }

    /// <summary>
    /// Makes <see cref="Segments"/> from the query of each entry: runs of one query as they are when the slice is
    /// grouped by query (the usual run file); when queries interleave (an unsorted run), the entries are first regrouped
    /// by a stable counting sort so each query has one segment. Call once, after the last <see cref="Add"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BuildSegments(int queryCount)
    {
        var queries = _queries.AsSpan(0, Count);
        var changes = 0;
        for (var i = 1; i < queries.Length; i++)
        {
            if (queries[i] != queries[i - 1])
            {
                changes++;
            }
        }

        if (changes <= 64 || changes <= Count / 16)
        {
            var start = 0;
            for (var i = 1; i <= queries.Length; i++)
            {
                if (i == queries.Length || queries[i] != queries[start])
                {
                    Segments.Add(new RunSegment(queries[start], start, i - start));
                    start = i;
                }
            }
        }
        else
        {
            Regroup(queries, queryCount);
        }

        ArrayPool<int>.Shared.Return(_queries);
        _queries = [];
    }

    private void Regroup(ReadOnlySpan<int> queries, int queryCount)
    {
        var counts = new int[queryCount];
        var docBytes = new int[queryCount];
        for (var i = 0; i < queries.Length; i++)
        {
            counts[queries[i]]++;
            docBytes[queries[i]] += DocStarts[i + 1] - DocStarts[i];
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

        var scores = new double[Count];
        var rels = new int[Count];
        var starts = new int[Count + 1];
        var arena = new byte[ArenaLength];
        for (var i = 0; i < queries.Length; i++)
        {
            var q = queries[i];
            var to = offsets[q]++;
            var length = DocStarts[i + 1] - DocStarts[i];
            var at = docOffsets[q];
            docOffsets[q] += length;
            scores[to] = Scores[i];
            rels[to] = Rels[i];
            starts[to] = at;
            Array.Copy(Arena, DocStarts[i], arena, at, length);
        }

        // Docnos are laid out query by query in entry order, so entry i's docno still ends where entry i + 1's starts.
        starts[Count] = ArenaLength;
        Scores = scores;
        Rels = rels;
        DocStarts = starts;
        Arena = arena;
    }
}
