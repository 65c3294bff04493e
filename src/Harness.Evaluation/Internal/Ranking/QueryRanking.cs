using System.Runtime.CompilerServices;

namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// trec_eval's RES_RELS for one query: the qrels level of each retrieved document in rank order (after sorting,
/// <c>-J</c> and <c>-M</c>), and the counts measures need. One instance per worker thread, refilled per query.
/// </summary>
internal sealed class QueryRanking
{
    private int[] _rels = new int[1024];

    public QueryRanking(EvaluationOptions options)
    {
        Options = options;
    }

    public EvaluationOptions Options { get; }

    public JudgedQuery Judged { get; private set; } = null!;

    /// <summary>Levels of the retrieved documents in rank order; <see cref="RelevanceValues"/> for unjudged ones.</summary>
    public ReadOnlySpan<int> Rels => _rels.AsSpan(0, NumRet);

    public int NumRet { get; private set; }

    /// <summary>The relevance level in force (<c>-l</c>, or a measure's own <c>rel=</c>).</summary>
    public long RelevanceLevel { get; private set; }

    /// <summary>Judged documents at or above the relevance level.</summary>
    public long NumRel { get; private set; }

    /// <summary>Retrieved documents at or above the relevance level.</summary>
    public long NumRelRet { get; private set; }

    /// <summary>Retrieved documents not in the qrels.</summary>
    public long NumNonPool { get; private set; }

    /// <summary>Retrieved documents in the qrels with a negative level.</summary>
    public long NumUnjudgedInPool { get; private set; }

    /// <summary>Judged documents (level &gt;= 0) below the relevance level.</summary>
    public long NumNonRel { get; private set; }

    public Span<int> Reset(JudgedQuery judged, int numRet)
    {
        Judged = judged;
        NumRet = numRet;
        if (_rels.Length < numRet)
        {
            _rels = new int[Math.Max(numRet, _rels.Length * 2)];
        }

        return _rels.AsSpan(0, numRet);
    }

    /// <summary>Computes the counts for a relevance level (call after filling the levels).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetRelevanceLevel(long level)
    {
        RelevanceLevel = level;
        NumRel = Judged.CountAtOrAbove(level);
        NumNonRel = Judged.CountBelow(level);
        long relRet = 0, nonPool = 0, unjudged = 0;
        foreach (var r in Rels)
        {
            if (r == RelevanceValues.NonPool)
            {
                nonPool++;
            }
            else if (r == RelevanceValues.Unjudged)
            {
                unjudged++;
            }
            else if (r >= level)
            {
                relRet++;
            }
        }

        NumRelRet = relRet;
        NumNonPool = nonPool;
        NumUnjudgedInPool = unjudged;
    }

    /// <summary>
    /// Whether the document at 0-based rank <paramref name="i"/> is relevant: its value &gt;= the relevance level, the
    /// comparison the m_*.c files make on results_rel_list (so with a negative -l, -1 / -2 entries count, as in C).
    /// </summary>
    public bool IsRelevant(int i) => _rels[i] >= RelevanceLevel;
}
