using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harness.Abstractions;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using Harness.Cli.Output;
using Harness.Core.Caching;
using Harness.Core.PluginHost;
using Harness.Core.Provenance;
using Harness.Results.Storage;
using Harness.Retrieval;
using Harness.Retrieval.Dense;
using Harness.Retrieval.Lexical;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness retrieve --dataset ID --out DIR [--method bm25|dense] ...</c>: first-stage retrieval over a dataset
/// plugin's corpus for one split. Writes DIR/run.trec, DIR/qrels.trec (the split's judgments),
/// DIR/hidden.qrels.trec (its hidden positives, when it has any) and DIR/manifest.json (what ran, on which data, with
/// its provenance). DIR is published whole (<see cref="AtomicDirectory.Replace"/>): after a failure, an interrupt or
/// a kill it holds the previous complete run or the new complete run, and no file of an earlier run survives.
/// Every argument and setting is checked before the dataset is loaded.
/// </summary>
internal static class RetrieveCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset plugin id (for example synthetic, beir, debian-descriptions).", Required = true, HelpName = "ID" };
        var output = new Option<string>("--out") { Description = "Folder for run.trec, qrels.trec and manifest.json (replaced whole; a previous run there is replaced only when the new one is complete).", Required = true, HelpName = "DIR" };
        var split = new Option<string>("--split") { Description = "Which queries: train, dev or test.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("train", "dev", "test");
        var method = new Option<string>("--method") { Description = "bm25 (Lucene, cached index) or dense (an encoder plugin, exact top-k).", DefaultValueFactory = _ => "bm25" };
        method.AcceptOnlyFromAmong("bm25", "dense");
        var depth = new Option<int>("--depth") { Description = "Documents retrieved per query.", DefaultValueFactory = _ => 1000 };
        var k1 = new Option<float>("--k1") { Description = "BM25 k1 (finite, non-negative).", DefaultValueFactory = _ => 0.9f };
        var b = new Option<float>("--b") { Description = "BM25 b (finite, non-negative).", DefaultValueFactory = _ => 0.4f };
        var encoder = new Option<string>("--encoder") { Description = "Encoder plugin id for --method dense.", DefaultValueFactory = _ => "hashed-bow", HelpName = "ID" };
        var similarity = new Option<string>("--similarity") { Description = "dot or cosine, for --method dense.", DefaultValueFactory = _ => "cosine" };
        similarity.AcceptOnlyFromAmong("dot", "cosine");
        var seed = new Option<int>("--seed") { Description = "Seed given to the plugins.", DefaultValueFactory = _ => 42 };
        var runId = new Option<string?>("--run-id") { Description = "The run name in run.trec (default: METHOD-DATASET; no whitespace)." };
        var settings = PluginOptions.Settings();
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("retrieve", "First-stage retrieval (BM25 or exact dense) over a dataset plugin; writes a TREC run, the split's qrels and a manifest.")
        {
            dataset, output, split, method, depth, k1, b, encoder, similarity, seed, runId, settings, dirs,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(new Request(
            parse.GetValue(dataset)!,
            parse.GetValue(output)!,
            Enum.Parse<Split>(parse.GetValue(split)!, ignoreCase: true),
            parse.GetValue(method)!,
            parse.GetValue(depth),
            new Bm25Options { K1 = parse.GetValue(k1), B = parse.GetValue(b) },
            parse.GetValue(encoder)!,
            parse.GetValue(similarity) == "dot" ? SimilarityFunction.Dot : SimilarityFunction.Cosine,
            parse.GetValue(seed),
            parse.GetValue(runId) ?? $"{parse.GetValue(method)}-{parse.GetValue(dataset)}",
            parse.GetValue(settings) ?? [],
            parse.GetValue(dirs) ?? []), cancellationToken)));
        return command;
    }

    private static int Run(Request request, CancellationToken cancellationToken)
    {
        var stderr = Console.Error;

        // Cheap checks first: nothing is loaded, built or written until every argument is known to be usable.
        if (OutputProblem(request.Out) is { } outProblem)
        {
            stderr.WriteLine($"harness: --out {outProblem}");
            return ExitStatus.BadInput;
        }

        var outDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Out));
        if (request.Depth < 1)
        {
            stderr.WriteLine("harness: --depth must be at least 1");
            return ExitStatus.BadInput;
        }

        if (request.Method == "bm25" && request.Bm25.Problem() is { } bm25Problem)
        {
            stderr.WriteLine($"harness: --{bm25Problem}");
            return ExitStatus.BadInput;
        }

        if (!TrecFormat.IsWritable(request.RunId))
        {
            stderr.WriteLine($"harness: --run-id '{request.RunId}' is empty or contains whitespace and cannot be written in TREC format");
            return ExitStatus.BadInput;
        }

        PluginSettings values;
        try
        {
            values = PluginSettings.Parse(request.Settings);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"harness: --set {e.Message}");
            return ExitStatus.BadInput;
        }

        var catalog = PluginOptions.LoadCatalog(request.PluginDirectories, stderr);
        if (catalog is null || !PluginOptions.CheckSettings(values, catalog, stderr))
        {
            return ExitStatus.BadInput;
        }

        if (catalog.Find(request.Dataset) is not { Info.Kind: PluginKind.Dataset } datasetPlugin)
        {
            stderr.WriteLine($"harness: no dataset plugin '{request.Dataset}' (loaded: {string.Join(", ", Ids(catalog, PluginKind.Dataset))})");
            return ExitStatus.BadInput;
        }

        LoadedPlugin? encoderPlugin = null;
        if (request.Method == "dense")
        {
            encoderPlugin = catalog.Find(request.Encoder);
            if (encoderPlugin is not { Info.Kind: PluginKind.Encoder })
            {
                stderr.WriteLine($"harness: no encoder plugin '{request.Encoder}' (loaded: {string.Join(", ", Ids(catalog, PluginKind.Encoder))})");
                return ExitStatus.BadInput;
            }
        }

        // A run killed while publishing may have left a previous version aside: put it back before anything else.
        AtomicDirectory.Recover(outDir);
        var cache = new CacheStore(CacheRoot.Resolve(), line => stderr.WriteLine($"harness: {line}"));
        var context = new PluginContext(request.Seed)
        {
            CancellationToken = cancellationToken,
            CacheDirectory = cache.Root,
            Services = new CacheServices(cache),
        };

        using var progress = ProgressDisplays.ForStandardError();
        var clock = Stopwatch.StartNew();
        var datasetParameters = values.Resolve(datasetPlugin.Info);
        IDataset data;
        try
        {
            using var stage = progress.Start($"loading {request.Dataset}", null);
            data = ((IDatasetPlugin)datasetPlugin.Plugin).Create(datasetParameters, context);
        }
        catch (Exception e) when (e is not (OperationCanceledException or CacheWriteException))
        {
            stderr.WriteLine($"harness: dataset '{request.Dataset}': {e.Message}");
            return ExitStatus.BadInput;
        }

        var splitName = request.Split.ToString().ToLowerInvariant();
        var queries = data.GetQueries(request.Split);
        if (queries.Count == 0)
        {
            stderr.WriteLine($"harness: dataset '{request.Dataset}' has no {splitName} queries (splits: {string.Join(", ", data.Splits)})");
            return ExitStatus.BadInput;
        }

        if (UnwritableId(data, request.Split) is { } badId)
        {
            stderr.WriteLine($"harness: dataset '{request.Dataset}': {badId}");
            return ExitStatus.BadInput;
        }

        var loaded = clock.Elapsed;
        IReadOnlyList<RankedList> run;
        string methodConfig;
        if (encoderPlugin is null)
        {
            using (var indexing = progress.Start("BM25 index", data.Corpus.Count))
            using (var retriever = Bm25Retriever.Open(data, cache, request.Bm25, indexing, cancellationToken))
            {
                using var searching = progress.Start("BM25 search", queries.Count);
                run = retriever.Retrieve(queries, request.Depth, searching, cancellationToken);
                methodConfig = retriever.Description;
            }
        }
        else
        {
            var encoderParameters = values.Resolve(encoderPlugin.Info);
            var describe = encoderPlugin.Plugin.DescribeConfig(encoderParameters);
            using var model = ((IEncoderPlugin)encoderPlugin.Plugin).Create(encoderParameters, context);
            var retriever = new DenseRetriever(model, new DenseRetrievalOptions
            {
                Search = new DenseSearchOptions { Similarity = request.Similarity },
                Store = new EncodedCorpusStore(cache),
                EncoderKey = EncoderKey(encoderPlugin, describe, request.Seed),
            });
            using (var encoding = progress.Start("encoding corpus", data.Corpus.Count))
            using (var corpus = retriever.EncodeCorpus(data, encoding, cancellationToken))
            {
                using var searching = progress.Start("encoding queries and searching", queries.Count);
                run = retriever.Search(corpus, data.Corpus.Select(d => d.Id).ToList(), queries, request.Depth, searching, cancellationToken);
            }

            methodConfig = $"dense({describe},similarity={request.Similarity.ToString().ToLowerInvariant()})";
        }

        var retrieved = clock.Elapsed - loaded;
        var provenance = ProvenanceCollector.Collect(
            context.Device.type.ToString().ToLowerInvariant(),
            encoderPlugin is null ? [datasetPlugin] : [datasetPlugin, encoderPlugin],
            [new DatasetProvenance(request.Dataset, datasetPlugin.Plugin.DescribeConfig(datasetParameters), data.ContentHash)],
            ProvenanceCollector.CommandLine());
        var manifest = new RunManifest(
            request.RunId,
            request.Dataset,
            datasetPlugin.Plugin.DescribeConfig(datasetParameters),
            data.Name,
            data.ContentHash,
            splitName,
            queries.Count,
            data.Corpus.Count,
            methodConfig,
            request.Depth,
            request.Seed,
            loaded.TotalSeconds,
            retrieved.TotalSeconds,
            HarnessContract.Version,
            provenance.Harness.Version,
            DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        var hidden = data.GetHiddenPositives(request.Split);
        try
        {
            AtomicDirectory.Replace(outDir, folder =>
            {
                AtomicFile.WriteText(Path.Combine(folder, "run.trec"), w => TrecRunWriter.WriteRun(w, run, request.RunId));
                FaultPoint.Reach("output.building", cancellationToken);
                AtomicFile.WriteText(Path.Combine(folder, "qrels.trec"), w => TrecRunWriter.WriteQrels(w, data.GetQrels(request.Split)));
                if (hidden.Count > 0)
                {
                    AtomicFile.WriteText(Path.Combine(folder, "hidden.qrels.trec"), w => TrecRunWriter.WriteQrels(w, hidden));
                }

                RunManifestWriter.Write(Path.Combine(folder, "manifest.json"), manifest, provenance);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"harness: cannot write {outDir}: {CacheWriteException.Reason(e)}; a previous run there is unchanged");
            return ExitStatus.EnvironmentFault;
        }

        Console.Out.WriteLine($"{request.RunId}: {queries.Count} {splitName} queries over {data.Corpus.Count} documents of {data.Name} ({data.ContentHash[..12]}), {methodConfig}, top {request.Depth}");
        Console.Out.WriteLine($"loaded in {loaded.TotalSeconds:F2} s, retrieved in {retrieved.TotalSeconds:F2} s; wrote {outDir}/run.trec, qrels.trec{(hidden.Count > 0 ? ", hidden.qrels.trec" : string.Empty)}, manifest.json");
        return ExitStatus.Success;
    }

    /// <summary>Why <c>--out</c> cannot be used, or null.</summary>
    private static string? OutputProblem(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must name a folder (got an empty path)";
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{value}' is not a valid path: {e.Message}";
        }

        if (Path.GetDirectoryName(full) is null)
        {
            return $"'{value}' is the file-system root; name a folder below it";
        }

        if (File.Exists(full))
        {
            return $"'{full}' is a file, not a folder";
        }

        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return $"'{dir}' is a file, so '{full}' cannot be created";
            }

            if (Directory.Exists(dir))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The first query or document id (or judgment) that TREC format cannot hold, or null.</summary>
    private static string? UnwritableId(IDataset data, Split split)
    {
        foreach (var q in data.GetQueries(split))
        {
            if (!TrecFormat.IsWritable(q.Id))
            {
                return $"query id '{q.Id}' is empty or contains whitespace and cannot be written in TREC format";
            }
        }

        foreach (var d in data.Corpus)
        {
            if (!TrecFormat.IsWritable(d.Id))
            {
                return $"document id '{d.Id}' is empty or contains whitespace and cannot be written in TREC format";
            }
        }

        foreach (var (q, d, _) in data.GetQrels(split).All().Concat(data.GetHiddenPositives(split).All()))
        {
            if (!TrecFormat.IsWritable(q) || !TrecFormat.IsWritable(d))
            {
                return $"judgment ({q}, {d}) has an id that is empty or contains whitespace and cannot be written in TREC format";
            }
        }

        return null;
    }

    /// <summary>Names an untrained plugin encoder's weights: its assembly, configuration and seed decide them.</summary>
    private static string EncoderKey(LoadedPlugin plugin, string describe, int seed)
    {
        var p = ProvenanceCollector.Describe(plugin);
        var text = $"{p.Id}\n{p.Version}\n{p.Sha256}\n{describe}\n{seed.ToString(CultureInfo.InvariantCulture)}";
        return $"{p.Id}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]}";
    }

    private static IEnumerable<string> Ids(PluginCatalog catalog, PluginKind kind) =>
        catalog.Plugins.Where(p => p.Kind == kind).Select(p => p.Id).Order(StringComparer.Ordinal);

    private sealed record Request(
        string Dataset,
        string Out,
        Split Split,
        string Method,
        int Depth,
        Bm25Options Bm25,
        string Encoder,
        SimilarityFunction Similarity,
        int Seed,
        string RunId,
        string[] Settings,
        string[] PluginDirectories);
}
