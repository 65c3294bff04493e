using System.Runtime.CompilerServices;

namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// trec_eval's ranking order (get_trec_results / form_res_rels): score descending, ties by docno strcmp descending.
/// Scores become sortable 64-bit keys so the bulk of the work is a primitive key sort; only runs of equal scores are
/// then ordered by docno.
/// </summary>
internal static class TrecOrder
{
    /// <summary>A key whose ascending order is descending score (and -0.0 equals 0.0, as C compares them).</summary>
    public static ulong DescendingKey(double score)
    {
        if (score == 0)
        {
            score = 0;
        }

        var bits = (ulong)BitConverter.DoubleToInt64Bits(score);
        var ascending = (bits & 0x8000000000000000UL) != 0 ? ~bits : bits | 0x8000000000000000UL;
        return ~ascending;
    }

    /// <summary>Sorts <paramref name="order"/> (indices into <paramref name="docs"/>) into trec_eval's ranking.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(RankedDoc[] docs, RunChunk[] chunks, ulong[] keys, int[] order, int n)
    {
        var sorted = true;
        var previous = 0UL;
        for (var k = 0; k < n; k++)
        {
            var key = DescendingKey(docs[k].Score);
            sorted &= key >= previous;
            previous = key;
            keys[k] = key;
            order[k] = k;
        }

        // Runs are nearly always written best-first: then only the ties need ordering.
        if (!sorted)
        {
            Array.Sort(keys, order, 0, n);
        }
        var i = 0;
        while (i < n)
        {
            var j = i + 1;
            while (j < n && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1 && !SameLevel(docs, order, i, j))
            {
                SortByDocNoDescending(order.AsSpan(i, j - i), docs, chunks);
            }

            i = j;
        }
    }

    /// <summary>
    /// Whether all tied documents have the same qrels level: then their order cannot change any measure (measures see
    /// only the sequence of levels, and -J/-M keep a prefix), so the docno sort is skipped.
    /// </summary>
    private static bool SameLevel(RankedDoc[] docs, int[] order, int from, int to)
    {
        var rel = docs[order[from]].Rel;
        for (var k = from + 1; k < to; k++)
        {
            if (docs[order[k]].Rel != rel)
            {
                return false;
            }
        }

        return true;
    }

    private static void SortByDocNoDescending(Span<int> group, RankedDoc[] docs, RunChunk[] chunks)
    {
        if (group.Length > 32)
        {
            group.Sort((a, b) => DocNo(docs[b], chunks).SequenceCompareTo(DocNo(docs[a], chunks)));
            return;
        }

        for (var i = 1; i < group.Length; i++)
        {
            var x = group[i];
            var key = DocNo(docs[x], chunks);
            var j = i - 1;
            while (j >= 0 && DocNo(docs[group[j]], chunks).SequenceCompareTo(key) < 0)
            {
                group[j + 1] = group[j];
                j--;
            }

            group[j + 1] = x;
        }
    }

    public static ReadOnlySpan<byte> DocNo(in RankedDoc d, RunChunk[] chunks) => chunks[d.Chunk].Arena.AsSpan(d.Start, d.Length);
}
