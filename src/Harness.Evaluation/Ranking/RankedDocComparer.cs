namespace Harness.Evaluation.Ranking;

/// <summary>trec_eval's ranking order: score descending, then docno by strcmp descending.</summary>
internal readonly struct RankedDocComparer(RunChunk[] chunks) : IComparer<RankedDoc>
{
    public int Compare(RankedDoc x, RankedDoc y)
    {
        if (x.Score > y.Score)
        {
            return -1;
        }

        if (x.Score < y.Score)
        {
            return 1;
        }

        var a = chunks[x.Chunk].Arena.AsSpan(x.Start, x.Length);
        var b = chunks[y.Chunk].Arena.AsSpan(y.Start, y.Length);
        return b.SequenceCompareTo(a);
    }
}
