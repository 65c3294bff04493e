using System.Globalization;
using System.Text;

namespace Harness.Benchmarks.EvalData;

/// <summary>
/// Generates bench.qrels and bench.run: QUERIES queries (ids 1..QUERIES written in numeric order, so strcmp order
/// differs) × DOCS results each, scores on a coarse grid (runs of 5 equal scores, so ties are decided by docno),
/// tied documents written in random docno order, and ~20 graded judgments (levels 0-3) per query, about 14 of them
/// retrieved. Same arguments, same bytes.
/// Usage: Harness.Benchmarks.EvalData OUTDIR [QUERIES=5000] [DOCS=1000] [SEED=20261124]
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: Harness.Benchmarks.EvalData OUTDIR [QUERIES=5000] [DOCS=1000] [SEED=20261124]");
            return 1;
        }

        var dir = args[0];
        var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
        var docs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var seed = args.Length > 3 ? ulong.Parse(args[3], CultureInfo.InvariantCulture) : 20261124UL;
        Directory.CreateDirectory(dir);
        var rng = new SplitMix64(seed);
        using var run = new StreamWriter(Path.Combine(dir, "bench.run"), false, new UTF8Encoding(false), 1 << 20);
        using var qrels = new StreamWriter(Path.Combine(dir, "bench.qrels"), false, new UTF8Encoding(false), 1 << 20);
        run.NewLine = "\n";
        qrels.NewLine = "\n";
        var ids = new int[docs];
        var seen = new HashSet<int>();
        for (var q = 1; q <= queries; q++)
        {
            seen.Clear();
            for (var i = 0; i < docs; i++)
            {
                int id;
                do
                {
                    id = rng.Below(8_000_000);
                }
                while (!seen.Add(id));
                ids[i] = id;
            }

            for (var i = 0; i < docs; i++)
            {
                // 5 documents share each score: ties everywhere; a tie's order in the file is random.
                var score = (docs / 5 - (i / 5)) * 0.25;
                run.Write(q.ToString(CultureInfo.InvariantCulture));
                run.Write(" Q0 doc");
                run.Write(ids[i].ToString(CultureInfo.InvariantCulture));
                run.Write(' ');
                run.Write((i + 1).ToString(CultureInfo.InvariantCulture));
                run.Write(' ');
                run.Write(score.ToString("0.00", CultureInfo.InvariantCulture));
                run.WriteLine(" bench");
            }

            var judged = 16 + rng.Below(9);
            var judgedIds = new HashSet<int>();
            for (var j = 0; j < judged; j++)
            {
                var id = j % 10 < 7 ? ids[rng.Below(docs)] : 8_000_000 + rng.Below(1_000_000);
                if (!judgedIds.Add(id))
                {
                    continue;
                }

                var r = rng.Below(10);
                var level = r < 4 ? 0 : r < 7 ? 1 : r < 9 ? 2 : 3;
                qrels.Write(q.ToString(CultureInfo.InvariantCulture));
                qrels.Write(" 0 doc");
                qrels.Write(id.ToString(CultureInfo.InvariantCulture));
                qrels.Write(' ');
                qrels.WriteLine(level.ToString(CultureInfo.InvariantCulture));
            }
        }

        return 0;
    }
}
