#:project ../src/Harness.Results/Harness.Results.csproj
#:property PublishAot=false
// Writes a MADE-UP results folder (not an experiment: values are drawn from a seeded generator) for checking the
// leaderboard's rendering, e.g. by scripts/check-leaderboard-html.sh. Usage: dotnet run scripts/make-sample-results.cs -- DIR
using Harness.Results.Manifests;
using Harness.Results.Matrix;
using Harness.Results.Schema;
using Harness.Results.Storage;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run scripts/make-sample-results.cs -- DIR");
    return 2;
}

var store = new ResultStore(args[0]);
await new MatrixInfo
{
    Name = "sample (made-up values)",
    Baseline = new Dictionary<string, string> { ["loss"] = "infonce", ["sampler"] = "random" },
    PrimaryMeasure = "nDCG@10",
    Measures = ["nDCG@10", "RR@10", "R@100"],
}.WriteAsync(store.MatrixPath);

var random = new Random(12345);
string[] losses = ["infonce", "triplet", "mw-auc"];
string[] samplers = ["random", "bm25", "dense-dynamic", "fn-filter"];
var difficulty = Enumerable.Range(0, 60).Select(_ => random.NextDouble()).ToArray();
foreach (var (loss, li) in losses.Select((l, i) => (l, i)))
{
    foreach (var (sampler, si) in samplers.Select((s, i) => (s, i)))
    {
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            var id = $"{loss}-{sampler}-{seed}";
            if (loss == "mw-auc" && sampler == "dense-dynamic" && seed == 2)
            {
                var failed = store.CreateCell(id);
                await failed.CompleteAsync(new CellManifest { CellId = id, Status = CellStatus.Diverged, Cell = new CellAxes("synthetic", "hashed-bow", loss, sampler, "none", "", seed), Error = "loss is NaN at step 37 (epoch 1)" });
                continue;
            }

            var gain = (0.02 * si) - (0.015 * li) + (0.01 * (random.NextDouble() - 0.5));
            var writer = store.CreateCell(id);
            var rows = new List<MetricRow>();
            for (var q = 0; q < difficulty.Length; q++)
            {
                var ndcg = Math.Clamp(0.2 + (0.5 * difficulty[q]) + gain + (0.08 * (random.NextDouble() - 0.5)), 0, 1);
                rows.Add(new MetricRow(id, "synthetic", "hashed-bow", loss, sampler, "none", seed, "", $"q{q + 1}", "nDCG@10", ndcg));
                rows.Add(new MetricRow(id, "synthetic", "hashed-bow", loss, sampler, "none", seed, "", $"q{q + 1}", "RR@10", Math.Clamp(ndcg * 1.1, 0, 1)));
                rows.Add(new MetricRow(id, "synthetic", "hashed-bow", loss, sampler, "none", seed, "", $"q{q + 1}", "R@100", Math.Clamp(ndcg + 0.3, 0, 1)));
            }

            await writer.WriteMetricsAsync(rows);
            await writer.WriteTrainingAsync([.. Enumerable.Range(1, 40).Select(s => new TrainingRow(id, s, s <= 20 ? 1 : 2, (1.5 + li) / Math.Sqrt(s) + (0.02 * random.NextDouble()), 1e-3, 1500, s * 0.05))]);
            var fn = sampler switch { "random" => 3, "bm25" => 60, "dense-dynamic" => 95, _ => 12 };
            await writer.WriteNegativesAsync([new NegativesRow(id, 1, sampler, 500, 2000, 0, 1, 40, 100, fn, 4, sampler == "fn-filter" ? 80 : 0, sampler == "fn-filter" ? 70 : 0)]);
            await writer.CompleteAsync(new CellManifest
            {
                CellId = id,
                Status = CellStatus.Complete,
                Cell = new CellAxes("synthetic", "hashed-bow", loss, sampler, "none", "", seed),
                Citations = new Dictionary<string, string> { [loss] = $"@misc{{{loss}, note={{made-up citation for the sample}}}}" },
            });
        }
    }
}

Console.WriteLine($"wrote a made-up results folder to {store.Root}");
return 0;
