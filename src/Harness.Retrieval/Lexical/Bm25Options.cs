namespace Harness.Retrieval.Lexical;

/// <summary>BM25 parameters and search settings.</summary>
public sealed record Bm25Options
{
    /// <summary>Term-frequency saturation k1 (Lucene default 1.2; Anserini uses 0.9).</summary>
    public float K1 { get; init; } = 0.9f;

    /// <summary>Length normalisation b (Lucene default 0.75; Anserini uses 0.4).</summary>
    public float B { get; init; } = 0.4f;

    /// <summary>Threads used to search a batch of queries (default: the processor count).</summary>
    public int SearchThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>IndexWriter RAM buffer in MB (large: fewer flushes and merges while indexing).</summary>
    public double RamBufferMb { get; init; } = 512;
}
