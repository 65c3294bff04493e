using System.Runtime.CompilerServices;
using System.Text;

namespace Harness.Evaluation.Internal.Ranking;

/// <summary>Per-thread scratch space.</summary>
internal sealed class EvaluationWorker(EvaluationOptions options)
{
    private RankedDoc[] _docs = new RankedDoc[1024];
    private int[] _table = new int[4096];

    public QueryRanking Ranking { get; } = new(options);

    public ulong[] Keys { get; private set; } = new ulong[1024];

    public int[] Order { get; private set; } = new int[1024];

    public RankedDoc[] Docs(int n)
    {
        if (_docs.Length < n)
        {
            var size = Math.Max(n, _docs.Length * 2);
            _docs = new RankedDoc[size];
            Keys = new ulong[size];
            Order = new int[size];
        }

        return _docs;
    }

    /// <summary>trec_eval's form_res_rels rejects a docno retrieved twice for one query.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CheckDuplicates(ReadOnlySpan<RankedDoc> docs, RunChunk[] chunks, string queryId)
    {
        var size = 16;
        while (size < docs.Length * 2)
        {
            size <<= 1;
        }

        if (_table.Length < size)
        {
            _table = new int[size];
        }

        var table = _table.AsSpan(0, size);
        table.Clear();
        var mask = size - 1;
        for (var i = 0; i < docs.Length; i++)
        {
            // The hash was computed once, when the docno was looked up in the qrels while parsing.
            var hash = docs[i].Hash;
            var slot = hash & mask;
            while (table[slot] != 0)
            {
                var o = docs[table[slot] - 1];
                if (o.Hash == hash && TrecOrder.DocNo(o, chunks).SequenceEqual(TrecOrder.DocNo(docs[i], chunks)))
                {
                    var d = TrecOrder.DocNo(docs[i], chunks);
                    var docNo = Encoding.UTF8.GetString(d);
                    throw new EvaluationException(
                        $"duplicate docno {docNo} in query {queryId} (trec_eval.form_res_rels: duplicate docs {docNo})", EvaluationError.CannotCalculate)
                    { QueryId = queryId, DocNo = docNo };
                }

                slot = (slot + 1) & mask;
            }

            table[slot] = i + 1;
        }
    }
}
