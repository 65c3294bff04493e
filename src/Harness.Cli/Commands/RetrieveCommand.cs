using System.CommandLine;
using System.Diagnostics;
using Harness.Abstractions;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using Harness.Cli.Output;
using Harness.Core.PluginHost;
using Harness.Retrieval;
using Harness.Retrieval.Dense;
using Harness.Retrieval.Lexical;
using static TorchSharp.torch;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness retrieve --dataset ID --out DIR [--method bm25|dense] ...</c>: first-stage retrieval over a dataset
/// plugin's corpus for one split. Writes DIR/run.trec, DIR/qrels.trec (the split's judgments),
/// DIR/hidden.qrels.trec (its hidden positives, when it has any) and DIR/manifest.json (what ran, on which data).
/// </summary>
internal static class RetrieveCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset plugin id (for example synthetic, beir, debian-descriptions).", Required = true, HelpName = "ID" };
        var output = new Option<string>("--out") { Description = "Folder for run.trec, qrels.trec and manifest.json (created; existing files are replaced).", Required = true, HelpName = "DIR" };
        var split = new Option<string>("--split") { Description = "Which queries: train, dev or test.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("train", "dev", "test");
        var method = new Option<string>("--method") { Description = "bm25 (Lucene, cached index) or dense (an encoder plugin, exact top-k).", DefaultValueFactory = _ => "bm25" };
        method.AcceptOnlyFromAmong("bm25", "dense");
        var depth = new Option<int>("--depth") { Description = "Documents retrieved per query.", DefaultValueFactory = _ => 1000 };
        var k1 = new Option<float>("--k1") { Description = "BM25 k1.", DefaultValueFactory = _ => 0.9f };
        var b = new Option<float>("--b") { Description = "BM25 b.", DefaultValueFactory = _ => 0.4f };
        var encoder = new Option<string>("--encoder") { Description = "Encoder plugin id for --method dense.", DefaultValueFactory = _ => "hashed-bow", HelpName = "ID" };
        var similarity = new Option<string>("--similarity") { Description = "dot or cosine, for --method dense.", DefaultValueFactory = _ => "cosine" };
        similarity.AcceptOnlyFromAmong("dot", "cosine");
        var seed = new Option<int>("--seed") { Description = "Seed given to the plugins.", DefaultValueFactory = _ => 42 };
        var runId = new Option<string?>("--run-id") { Description = "The run name in run.trec (default: METHOD-DATASET)." };
        var settings = PluginOptions.Settings();
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("retrieve", "First-stage retrieval (BM25 or exact dense) over a dataset plugin; writes a TREC run, the split's qrels and a manifest.")
        {
            dataset, output, split, method, depth, k1, b, encoder, similarity, seed, runId, settings, dirs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var datasetId = parse.GetValue(dataset)!;
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            var splitValue = Enum.Parse<Split>(parse.GetValue(split)!, ignoreCase: true);
            var methodValue = parse.GetValue(method)!;
            var k = parse.GetValue(depth);
            if (k < 1)
            {
                Console.Error.WriteLine("harness: --depth must be at least 1");
                return Task.FromResult(ExitCodes.BadInput);
            }

            PluginSettings values;
            try
            {
                values = PluginSettings.Parse(parse.GetValue(settings));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"harness: --set {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var catalog = PluginOptions.LoadCatalog(parse.GetValue(dirs), Console.Error);
            if (catalog is null)
            {
                return Task.FromResult(ExitCodes.BadInput);
            }

            var context = new PluginContext(parse.GetValue(seed)) { CancellationToken = cancellationToken };
            var clock = Stopwatch.StartNew();
            IDataset data;
            IDatasetPlugin datasetPlugin;
            PluginParameters datasetParameters;
            try
            {
                datasetPlugin = catalog.Get<IDatasetPlugin>(datasetId);
                datasetParameters = values.Resolve(datasetPlugin.Info);
                data = datasetPlugin.Create(datasetParameters, context);
            }
            catch (KeyNotFoundException e)
            {
                Console.Error.WriteLine($"harness: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"harness: dataset '{datasetId}': {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var queries = data.GetQueries(splitValue);
            if (queries.Count == 0)
            {
                Console.Error.WriteLine($"harness: dataset '{datasetId}' has no {splitValue.ToString().ToLowerInvariant()} queries (splits: {string.Join(", ", data.Splits)})");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var loaded = clock.Elapsed;
            IReadOnlyList<ScoredDocument>[] rankings;
            string methodConfig;
            try
            {
                if (methodValue == "bm25")
                {
                    var options = new Bm25Options { K1 = parse.GetValue(k1), B = parse.GetValue(b) };
                    using var index = Bm25Index.OpenOrBuild(data, context.CacheDirectory, options, cancellationToken);
                    rankings = index.Search(queries, k, cancellationToken);
                    methodConfig = $"bm25(k1={options.K1},b={options.B})";
                }
                else
                {
                    var encoderPlugin = catalog.Get<IEncoderPlugin>(parse.GetValue(encoder)!);
                    var encoderParameters = values.Resolve(encoderPlugin.Info);
                    var function = parse.GetValue(similarity) == "dot" ? SimilarityFunction.Dot : SimilarityFunction.Cosine;
                    rankings = Dense(data, queries, encoderPlugin.Create(encoderParameters, context), function, k, cancellationToken);
                    methodConfig = $"dense({encoderPlugin.DescribeConfig(encoderParameters)},similarity={function.ToString().ToLowerInvariant()})";
                }
            }
            catch (Exception e) when (e is KeyNotFoundException or PluginParameterException)
            {
                Console.Error.WriteLine($"harness: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            var retrieved = clock.Elapsed - loaded;
            var name = parse.GetValue(runId) ?? $"{methodValue}-{datasetId}";
            try
            {
                Directory.CreateDirectory(outDir);
                TrecFileWriter.WriteRun(Path.Combine(outDir, "run.trec"), queries, rankings, name);
                TrecFileWriter.WriteQrels(Path.Combine(outDir, "qrels.trec"), data.GetQrels(splitValue));
                var hidden = data.GetHiddenPositives(splitValue);
                if (hidden.Count > 0)
                {
                    TrecFileWriter.WriteQrels(Path.Combine(outDir, "hidden.qrels.trec"), hidden);
                }

                RunManifestWriter.Write(Path.Combine(outDir, "manifest.json"), new RunManifest(
                    name,
                    datasetId,
                    datasetPlugin.DescribeConfig(datasetParameters),
                    data.Name,
                    data.ContentHash,
                    splitValue.ToString().ToLowerInvariant(),
                    queries.Count,
                    data.Corpus.Count,
                    methodConfig,
                    k,
                    context.Seed,
                    loaded.TotalSeconds,
                    retrieved.TotalSeconds,
                    HarnessContract.Version,
                    typeof(RetrieveCommand).Assembly.GetName().Version?.ToString() ?? "?"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                Console.Error.WriteLine($"harness: cannot write to {outDir}: {e.Message}");
                return Task.FromResult(ExitCodes.BadInput);
            }

            Console.Out.WriteLine($"{name}: {queries.Count} {splitValue.ToString().ToLowerInvariant()} queries over {data.Corpus.Count} documents of {data.Name} ({data.ContentHash[..12]}), {methodConfig}, top {k}");
            Console.Out.WriteLine($"loaded in {loaded.TotalSeconds:F2} s, retrieved in {retrieved.TotalSeconds:F2} s; wrote {outDir}/run.trec, qrels.trec, manifest.json");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static IReadOnlyList<ScoredDocument>[] Dense(IDataset data, IReadOnlyList<Query> queries, IEncoder encoder, SimilarityFunction function, int k, CancellationToken cancellationToken)
    {
        const int batch = 512;
        using var _ = encoder;
        using var noGrad = no_grad();
        encoder.Module.eval();
        Tensor EncodeAll(List<string> texts, TextRole role)
        {
            var parts = new List<Tensor>();
            for (var i = 0; i < texts.Count; i += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parts.Add(encoder.Encode(texts.GetRange(i, Math.Min(batch, texts.Count - i)), role).cpu());
            }

            var all = cat(parts, 0);
            foreach (var p in parts)
            {
                p.Dispose();
            }

            return all;
        }

        using var corpus = EncodeAll(data.Corpus.Select(d => d.FullText).ToList(), TextRole.Document);
        using var q = EncodeAll(queries.Select(x => x.Text).ToList(), TextRole.Query);
        var top = new ExactDenseSearcher(new DenseSearchOptions { Similarity = function }).Search(corpus, q, k, cancellationToken);
        var ids = data.Corpus.Select(d => d.Id).ToList();
        return Enumerable.Range(0, queries.Count).Select(i => top.ToRanking(i, ids)).ToArray();
    }
}
