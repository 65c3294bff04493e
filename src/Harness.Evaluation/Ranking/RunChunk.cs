using System.Runtime.CompilerServices;

namespace Harness.Evaluation.Ranking;

/// <summary>
/// Results of the judged queries parsed from one slice of a run (or from an in-memory run), stored column-wise:
/// score, qrels level, docno bytes in an arena. Segments say which query each stretch belongs to.
/// </summary>
internal sealed class RunChunk
{
    public RunChunk(int capacity, int arenaCapacity)
    {
        Scores = new double[Math.Max(capacity, 16)];
        Rels = new int[Scores.Length];
        DocStarts = new int[Scores.Length + 1];
        Arena = new byte[Math.Max(arenaCapacity, 256)];
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

    /// <summary>The run id of the first result line of the slice.</summary>
    public string? FirstRunId;

    private int _segmentQuery = -1;
    private int _segmentStart;

    public ReadOnlySpan<byte> DocNo(int i) => Arena.AsSpan(DocStarts[i], DocStarts[i + 1] - DocStarts[i]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int queryIndex, double score, int rel, ReadOnlySpan<byte> docNo)
    {
        if (queryIndex != _segmentQuery)
        {
            CloseSegment();
            _segmentQuery = queryIndex;
            _segmentStart = Count;
        }

        if (Count == Scores.Length)
        {
            // Grow by half: the slices are sized from an estimate, doubling would waste up to half the memory.
            var n = Count + (Count / 2) + 16;
            Array.Resize(ref Scores, n);
            Array.Resize(ref Rels, n);
            Array.Resize(ref DocStarts, n + 1);
        }

        if (ArenaLength + docNo.Length > Arena.Length)
        {
            Array.Resize(ref Arena, Math.Max(Arena.Length + (Arena.Length / 2), ArenaLength + docNo.Length));
        }

        docNo.CopyTo(Arena.AsSpan(ArenaLength));
        Scores[Count] = score;
        Rels[Count] = rel;
        DocStarts[Count] = ArenaLength;
        ArenaLength += docNo.Length;
        Count++;
        DocStarts[Count] = ArenaLength;
    }

    /// <summary>Ends the current segment (call when a different query or an ignored line intervenes, and at the end).</summary>
    public void CloseSegment()
    {
        if (_segmentQuery >= 0 && Count > _segmentStart)
        {
            Segments.Add(new RunSegment(_segmentQuery, _segmentStart, Count - _segmentStart));
        }

        _segmentQuery = -1;
    }
}
