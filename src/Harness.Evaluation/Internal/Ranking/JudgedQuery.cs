using Harness.Evaluation.Internal.Parsing;

namespace Harness.Evaluation.Internal.Ranking;

/// <summary>The judgments of one query: docno (UTF-8) → level, and how many documents have each level &gt;= 0.</summary>
internal sealed class JudgedQuery
{
    private int[] _levels = [];
    private int[] _levelCounts = [];

    public JudgedQuery(string queryId, int index)
    {
        QueryId = queryId;
        Index = index;
    }

    /// <summary>Position in the order queries were first seen (the index run segments refer to).</summary>
    public int Index { get; }

    public string QueryId { get; }

    public ByteKeyMap Documents { get; } = new(32);

    /// <summary>Distinct levels &gt;= 0 in ascending order.</summary>
    public ReadOnlySpan<int> Levels => _levels;

    /// <summary>The number of judged documents at each of <see cref="Levels"/>.</summary>
    public ReadOnlySpan<int> LevelCounts => _levelCounts;

    /// <summary>Documents judged at a level &gt;= <paramref name="level"/> (num_rel for that relevance level).</summary>
    public long CountAtOrAbove(long level)
    {
        long n = 0;
        for (var i = 0; i < _levels.Length; i++)
        {
            if (_levels[i] >= level)
            {
                n += _levelCounts[i];
            }
        }

        return n;
    }

    /// <summary>Judged documents (level &gt;= 0) below <paramref name="level"/>: the judged non-relevant.</summary>
    public long CountBelow(long level)
    {
        long n = 0;
        for (var i = 0; i < _levels.Length; i++)
        {
            if (_levels[i] < level)
            {
                n += _levelCounts[i];
            }
        }

        return n;
    }

    /// <summary>Recomputes the level counts after documents were added.</summary>
    public void Seal()
    {
        var levels = new int[Documents.Count];
        var n = 0;
        for (var i = 0; i < Documents.Count; i++)
        {
            var level = Documents.ValueAt(i);
            if (level >= 0)
            {
                levels[n++] = level;
            }
        }

        Array.Sort(levels, 0, n);
        var distinct = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || levels[i] != levels[i - 1])
            {
                distinct++;
            }
        }

        _levels = new int[distinct];
        _levelCounts = new int[distinct];
        var d = -1;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || levels[i] != levels[i - 1])
            {
                _levels[++d] = levels[i];
            }

            _levelCounts[d]++;
        }
    }
}
