namespace Harness.Data.Synthetic;

/// <summary>The knobs of the synthetic topical corpus. Every value has a default; validate with <see cref="Validate"/>.</summary>
public sealed record SyntheticOptions
{
    /// <summary>The number of documents (1,000 to 10,000,000).</summary>
    public int Documents { get; init; } = 10_000;

    /// <summary>The number of queries over all splits.</summary>
    public int Queries { get; init; } = 1_000;

    /// <summary>The vocabulary size (distinct synthetic words).</summary>
    public int VocabularySize { get; init; } = 20_000;

    /// <summary>The number of topics; each has its own word distribution.</summary>
    public int Topics { get; init; } = 50;

    /// <summary>Relevant documents per query (Queries × RelevantPerQuery must not exceed Documents).</summary>
    public int RelevantPerQuery { get; init; } = 5;

    /// <summary>The highest relevance grade; grades of relevant documents are 1..MaxGrade.</summary>
    public int MaxGrade { get; init; } = 3;

    /// <summary>Mean document length in words.</summary>
    public int DocumentLength { get; init; } = 40;

    /// <summary>Query length in words.</summary>
    public int QueryLength { get; init; } = 5;

    /// <summary>The fraction of training relevant pairs left out of the training qrels and recorded as hidden positives.</summary>
    public double FalseNegativeRate { get; init; }

    /// <summary>
    /// Pooling bias: when above 0, a training query's judgments are exactly the top <c>PoolDepth</c> documents of a
    /// weak retriever (BM25 over the synthetic words, see <see cref="SyntheticDataset"/>), judged with their true
    /// grade (0 for a non-relevant pooled document); its relevant documents outside the pool were never judged and
    /// are recorded as hidden positives. 0 (the default) judges every relevant document. Exclusive with
    /// <see cref="FalseNegativeRate"/>.
    /// </summary>
    public int PoolDepth { get; init; }

    /// <summary>The fraction of queries in the dev split.</summary>
    public double DevFraction { get; init; } = 0.1;

    /// <summary>The fraction of queries in the test split.</summary>
    public double TestFraction { get; init; } = 0.1;

    /// <summary>The generator seed; the same options always give the same dataset.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Every problem with the options, empty when they are valid.</summary>
    /// <returns>Problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var p = new List<string>();
        if (Documents < 1 || Documents > 10_000_000)
        {
            p.Add($"documents must be in 1..10000000, got {Documents}");
        }

        if (Queries < 1)
        {
            p.Add($"queries must be at least 1, got {Queries}");
        }

        if (VocabularySize < 100)
        {
            p.Add($"vocabulary size must be at least 100, got {VocabularySize}");
        }

        if (Topics < 1 || Topics > VocabularySize / 10)
        {
            p.Add($"topics must be in 1..vocabulary/10, got {Topics}");
        }

        if (RelevantPerQuery < 1)
        {
            p.Add($"relevant per query must be at least 1, got {RelevantPerQuery}");
        }

        if ((long)Queries * RelevantPerQuery > Documents)
        {
            p.Add($"queries × relevant per query ({(long)Queries * RelevantPerQuery}) exceeds documents ({Documents})");
        }

        if (MaxGrade < 1)
        {
            p.Add($"max grade must be at least 1, got {MaxGrade}");
        }

        if (DocumentLength < 5 || QueryLength < 2)
        {
            p.Add("document length must be at least 5 and query length at least 2");
        }

        if (FalseNegativeRate < 0 || FalseNegativeRate > (RelevantPerQuery - 1) / (double)Math.Max(1, RelevantPerQuery))
        {
            p.Add($"false-negative rate must be in [0, (relevant-1)/relevant] = [0, {(RelevantPerQuery - 1) / (double)Math.Max(1, RelevantPerQuery):0.###}] so every training query keeps a labelled positive, got {FalseNegativeRate}");
        }

        if (PoolDepth < 0 || PoolDepth > Documents)
        {
            p.Add($"pool depth must be in 0..documents ({Documents}), got {PoolDepth}");
        }

        if (PoolDepth > 0 && FalseNegativeRate > 0)
        {
            p.Add("pool depth and false-negative rate are exclusive: a pooled dataset's false negatives are the relevant documents its pool missed");
        }

        if (DevFraction < 0 || TestFraction < 0 || DevFraction + TestFraction >= 1)
        {
            p.Add("dev and test fractions must be non-negative and sum to less than 1");
        }

        return p;
    }
}
