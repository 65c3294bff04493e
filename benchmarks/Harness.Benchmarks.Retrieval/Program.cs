using System.Diagnostics;
using System.Globalization;
using Harness.Abstractions.Datasets;
using Harness.Benchmarks.Retrieval;
using Harness.Core.Caching;
using Harness.Data.Debian;
using Harness.Data.Synthetic;
using Harness.Retrieval;
using Harness.Retrieval.Dense;
using Harness.Retrieval.Lexical;
using static TorchSharp.torch;

// Usage: Harness.Benchmarks.Retrieval <bm25-synthetic|dense|synthetic|debian|all> [--name value ...]
//   bm25-synthetic --docs 100000 --queries 1000 --k 100
//   dense          --docs 1000000 --dim 128 --queries 1000 --k 100 --chunk 65536 --batch 256
//   synthetic      --docs 1000000 --queries 10000      (generation + content hash of a lazy 1M corpus)
//   debian         --index-dir <apt lists dir> --k 100  (default: $HARNESS_CACHE/debian-index/lists)
// Caches (indexes, built datasets) go to a fresh temporary folder unless --cache is given, so build times are cold.
var command = args.Length > 0 ? args[0] : "all";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string Str(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;

set_num_threads(Environment.ProcessorCount);
var cacheRoot = Str("cache", Path.Combine(Path.GetTempPath(), "harness-bench-" + Guid.NewGuid().ToString("N")));
var cache = new CacheStore(cacheRoot);
Console.WriteLine($"# {Machine.Describe()}");
Console.WriteLine($"# cache: {cacheRoot}");
try
{
    switch (command)
    {
        case "bm25-synthetic": Bm25Synthetic(); break;
        case "dense": Dense(); break;
        case "synthetic": Synthetic(); break;
        case "debian": Debian(); break;
        case "all": Synthetic(); Bm25Synthetic(); Dense(); Debian(); break;
        default: Console.Error.WriteLine($"unknown command '{command}'"); return 2;
    }
}
finally
{
    if (!options.ContainsKey("cache") && Directory.Exists(cacheRoot))
    {
        Directory.Delete(cacheRoot, recursive: true);
    }
}

return 0;

void Synthetic()
{
    var docs = Int("docs", 1_000_000);
    var sw = Stopwatch.StartNew();
    var ds = new SyntheticDataset(new SyntheticOptions { Documents = docs, Queries = Int("queries", 10_000), RelevantPerQuery = 10, FalseNegativeRate = 0.1 });
    var create = sw.Elapsed.TotalSeconds;
    sw.Restart();
    var hash = ds.ContentHash;
    var hashTime = sw.Elapsed.TotalSeconds;
    sw.Restart();
    long chars = 0;
    for (var i = 0; i < ds.Corpus.Count; i++)
    {
        chars += ds.Corpus[i].Text.Length;
    }

    var generateOnly = sw.Elapsed.TotalSeconds;
    var hidden = ds.GetHiddenPositives(Split.Train).Count;
    Console.WriteLine($"synthetic: {docs:N0} docs; create {create:F2} s; generate all text + SHA-256 {hashTime:F2} s ({docs / hashTime:N0} docs/s); text alone on one thread {generateOnly:F2} s ({chars / (double)docs:N0} chars/doc); " +
        $"hidden {hidden:N0} / {ds.TrainingRelevantPairs:N0} = {(double)hidden / ds.TrainingRelevantPairs:P2} (asked 10 %); peak RSS {Machine.PeakRssMb():N0} MiB; hash {hash[..12]}");
}

void Bm25Synthetic()
{
    var docs = Int("docs", 100_000);
    var k = Int("k", 100);
    var ds = new SyntheticDataset(new SyntheticOptions { Documents = docs, Queries = Int("queries", 1_000) * 10 / 8 + 1, RelevantPerQuery = 5 });
    _ = ds.ContentHash;
    var sw = Stopwatch.StartNew();
    using var index = Bm25Index.OpenOrBuild(ds, cache);
    var build = sw.Elapsed.TotalSeconds;
    sw.Restart();
    using (Bm25Index.OpenOrBuild(ds, cache))
    {
        // Reopening checks the entry's completion record (size and SHA-256 of every file) before Lucene opens it.
    }

    var reopen = sw.Elapsed.TotalSeconds;
    var entryBytes = Directory.GetFiles(index.Path).Sum(f => new FileInfo(f).Length);
    var queries = ds.GetQueries(Split.Train).Concat(ds.GetQueries(Split.Test)).Take(Int("queries", 1_000)).ToArray();
    _ = index.Search(queries.Take(50).ToArray(), k); // warm-up
    sw.Restart();
    var runs = index.Search(queries, k);
    var search = sw.Elapsed.TotalSeconds;
    var qrels = ds.GetQrels(Split.Train);
    var test = ds.GetQrels(Split.Test);
    var rr = RrAt10(queries, runs, qrels, test);
    Console.WriteLine($"bm25-synthetic: {docs:N0} docs; index build {build:F2} s ({docs / build:N0} docs/s); reopen with the completion record checked {reopen:F3} s ({entryBytes / (double)(1 << 20):N1} MiB entry); top-{k} search of {queries.Length:N0} queries {search:F2} s " +
        $"({queries.Length / search:N0} q/s, {Environment.ProcessorCount} threads); RR@10 {rr:F3}");
}

void Dense()
{
    var n = Int("docs", 1_000_000);
    var dim = Int("dim", 128);
    var q = Int("queries", 1_000);
    var k = Int("k", 100);
    manual_seed(0);
    using var corpus = randn(n, dim);
    using var queries = randn(q, dim);
    var searcher = new ExactDenseSearcher(new DenseSearchOptions { ChunkSize = Int("chunk", 65_536), QueryBatchSize = Int("batch", 256) });
    using (var warmCorpus = corpus.narrow(0, 0, Math.Min(n, 65_536)))
    using (var warmQueries = queries.narrow(0, 0, Math.Min(q, 64)))
    {
        _ = searcher.Search(warmCorpus, warmQueries, k);
    }

    var sw = Stopwatch.StartNew();
    var r = searcher.Search(corpus, queries, k);
    var t = sw.Elapsed.TotalSeconds;
    // Reference: the same matmuls alone (no top-k), to show what the selection costs on top.
    sw.Restart();
    using (var _ = no_grad())
    {
        var chunkSize = Int("chunk", 65_536);
        var batchSize = Int("batch", 256);
        for (var qs = 0; qs < q; qs += batchSize)
        {
            using var qb = queries.narrow(0, qs, Math.Min(batchSize, q - qs));
            for (long start = 0; start < n; start += chunkSize)
            {
                using var c = corpus.narrow(0, start, Math.Min(chunkSize, n - start));
                using var ct = c.t();
                using var s = qb.matmul(ct);
            }
        }
    }

    var matmulOnly = sw.Elapsed.TotalSeconds;
    var gflop = 2.0 * n * dim * q / 1e9;
    Console.WriteLine($"dense: exact top-{k}, {q:N0} queries x {n:N0} x {dim} float32 (dot, CPU, chunk {Int("chunk", 65_536):N0}, batch {Int("batch", 256)}): {t:F2} s " +
        $"({q / t:N1} q/s, {gflop / t:N0} GFLOP/s effective; the matmuls alone take {matmulOnly:F2} s); peak RSS {Machine.PeakRssMb():N0} MiB (corpus alone {n * (double)dim * 4 / (1 << 20):N0} MiB); first hit {r.Indices[0]}:{r.Scores[0]:F3}");
}

void Debian()
{
    var dir = Str("index-dir", DebianDescriptionsDefaults());
    var k = Int("k", 100);
    var sw = Stopwatch.StartNew();
    var ds = DebianDescriptionsBuilder.LoadOrBuild(DebianIndex.Find(dir), new DebianDescriptionsOptions(), cache);
    var build = sw.Elapsed.TotalSeconds;
    sw.Restart();
    var reloaded = DebianDescriptionsBuilder.LoadOrBuild(DebianIndex.Find(dir), new DebianDescriptionsOptions(), cache);
    var reload = sw.Elapsed.TotalSeconds;
    if (reloaded.ContentHash != ds.ContentHash)
    {
        throw new InvalidOperationException("the cached dataset's hash differs from the built one");
    }

    sw.Restart();
    using var index = Bm25Index.OpenOrBuild(ds, cache);
    var indexTime = sw.Elapsed.TotalSeconds;
    var queries = ds.GetQueries(Split.Test);
    sw.Restart();
    var runs = index.Search(queries, k);
    var search = sw.Elapsed.TotalSeconds;
    var qrels = ds.GetQrels(Split.Test);
    var hidden = ds.GetHiddenPositives(Split.Test);
    var strict = RrAt10(queries, runs, qrels);
    var lenient = RrAt10(queries, runs, qrels, hidden);
    var byId = ds.Corpus.ToDictionary(d => d.Id, d => d.Text);
    var textCount = ds.Corpus.GroupBy(d => d.Text).ToDictionary(g => g.Key, g => g.Count());
    var uniqueRows = Enumerable.Range(0, queries.Count).Where(i => textCount[byId[queries[i].Id]] == 1).ToArray();
    var unique = uniqueRows.Select(i => queries[i]).ToArray();
    var uniqueRuns = uniqueRows.Select(i => runs[i]).ToArray();
    var strictUnique = RrAt10(unique, uniqueRuns, qrels);
    Console.WriteLine($"debian-descriptions: {ds.Corpus.Count:N0} docs, {ds.GetQueries(Split.Train).Count:N0}/{ds.GetQueries(Split.Dev).Count:N0}/{queries.Count:N0} train/dev/test queries, " +
        $"{hidden.Count:N0} test hidden positives; hash {ds.ContentHash[..12]}; build (cold, incl. writing the cache entry) {build:F2} s, reload from cache {reload:F2} s; BM25 index {indexTime:F2} s; {queries.Count:N0} test queries {search:F2} s");
    Console.WriteLine($"debian-descriptions BM25 (k1 0.9, b 0.4) test RR@10: {strict:F4} (labelled positive only); {lenient:F4} (hidden positives also count); " +
        $"{strictUnique:F4} over the {unique.Length:N0} test queries whose long description is unique");
}

static string DebianDescriptionsDefaults() => Path.Combine(CacheRoot.Resolve(), CacheRoot.DebianIndexLists);

// RR@10 with the trec_eval-exact evaluator over the given queries (-c: a query without a relevant document in its top
// 10 scores 0); a judgment counts when any of the qrels has it with a positive grade.
static double RrAt10(IReadOnlyList<Query> queries, IReadOnlyList<IReadOnlyList<ScoredDocument>> runs, params Qrels[] judgments)
{
    var ids = queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
    var seen = new HashSet<(string, string)>();
    var qrels = Harness.Evaluation.TrecQrels.From(judgments.SelectMany(j => j.All())
        .Where(t => t.Grade > 0 && ids.Contains(t.QueryId) && seen.Add((t.QueryId, t.DocumentId))));
    var run = Harness.Evaluation.TrecRun.From("bm25", Enumerable.Range(0, queries.Count)
        .SelectMany(i => runs[i].Take(10).Select(hit => (queries[i].Id, hit.DocumentId, hit.Score))));

    var options = new Harness.Evaluation.EvaluationOptions { AverageOverComplete = true };
    return new Harness.Evaluation.Evaluator(Harness.Evaluation.MeasureSet.FromNames("RR@10"), options).Evaluate(qrels, run)["RR@10"];
}
