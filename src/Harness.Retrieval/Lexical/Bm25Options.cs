namespace Harness.Retrieval.Lexical;

/// <summary>BM25 parameters and search settings.</summary>
public sealed record Bm25Options
{
    /// <summary>Term-frequency saturation k1 (Lucene default 1.2; Anserini uses 0.9). Finite and non-negative.</summary>
    public float K1 { get; init; } = 0.9f;

    /// <summary>Length normalisation b (Lucene default 0.75; Anserini uses 0.4). Finite and non-negative.</summary>
    public float B { get; init; } = 0.4f;

    /// <summary>Threads used to search a batch of queries (default: the processor count).</summary>
    public int SearchThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>IndexWriter RAM buffer in MB (large: fewer flushes and merges while indexing).</summary>
    public double RamBufferMb { get; init; } = 512;

    /// <summary>The configuration as results record it: <c>bm25(k1=0.9,b=0.4)</c>.</summary>
    public string Description => FormattableString.Invariant($"bm25(k1={K1},b={B})");

    /// <summary>Why the options are invalid, or null.</summary>
    /// <returns>A message naming the parameter, or null.</returns>
    public string? Problem() =>
        !float.IsFinite(K1) || K1 < 0 ? FormattableString.Invariant($"k1 must be a finite non-negative number (got {K1})")
        : !float.IsFinite(B) || B < 0 ? FormattableString.Invariant($"b must be a finite non-negative number (got {B})")
        : SearchThreads < 1 ? FormattableString.Invariant($"search threads must be at least 1 (got {SearchThreads})")
        : !(RamBufferMb > 0) ? FormattableString.Invariant($"the RAM buffer must be positive (got {RamBufferMb})")
        : null;

    /// <summary>Throws when the options are invalid.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }
}
