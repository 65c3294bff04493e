namespace Harness.Evaluation.Internal.Ranking;

/// <summary>One retrieved document: its score, its qrels level (or <see cref="RelevanceValues"/>), and where its docno bytes are.</summary>
internal struct RankedDoc
{
    public double Score;
    public int Rel;
    public int Chunk;
    public int Start;
    public int Length;

    /// <summary>The docno's <see cref="Parsing.ByteKeyMap.Hash"/> (from parsing; the duplicate check's key).</summary>
    public int Hash;
}
