using System.CommandLine;
using System.Globalization;
using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;
using Harness.Core.Running;
using Harness.Core.Validation;
using Harness.Results.Storage;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// <c>harness train --dataset ID [--encoder ID] [--loss ID] [--sampler ID] [--reranker ID] [--set ID.NAME=VALUE]...
/// [--epochs N] --out DIR</c>: one configuration through the same cell pipeline as a matrix cell, run in this process;
/// prints the metrics table and writes DIR as a one-cell results folder (DIR/cells/ID/: metrics, run, manifest).
/// </summary>
internal static class TrainCommand
{
    private static readonly SpecLocation CommandLine = SpecLocation.Outside("harness train");

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset plugin id.", Required = true, HelpName = "ID" };
        var encoder = new Option<string>("--encoder") { Description = "Encoder plugin id.", DefaultValueFactory = _ => "hashed-bow", HelpName = "ID" };
        var loss = new Option<string>("--loss") { Description = "Loss plugin id.", DefaultValueFactory = _ => "infonce", HelpName = "ID" };
        var sampler = new Option<string>("--sampler") { Description = "Negative sampler plugin id.", DefaultValueFactory = _ => "random", HelpName = "ID" };
        var reranker = new Option<string>("--reranker") { Description = "Reranker plugin id, or none.", DefaultValueFactory = _ => "none", HelpName = "ID" };
        var settings = PluginOptions.Settings();
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (0: evaluate the untrained encoder).", DefaultValueFactory = _ => 0 };
        var batch = new Option<int?>("--batch-size") { Description = "Queries per step." };
        var negatives = new Option<int?>("--negatives") { Description = "Sampled negatives per query." };
        var lr = new Option<double?>("--lr") { Description = "Learning rate." };
        var seed = new Option<int>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 42 };
        var split = new Option<string>("--split") { Description = "Evaluated split.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("train", "dev", "test");
        var retrieval = new Option<string>("--retrieval") { Description = "First stage: dense, bm25 or both.", DefaultValueFactory = _ => "dense" };
        retrieval.AcceptOnlyFromAmong("dense", "bm25", "both");
        var depth = new Option<int>("--depth") { Description = "Documents retrieved per query.", DefaultValueFactory = _ => 100 };
        var measures = new Option<string>("--measures") { Description = "Comma-separated measures.", DefaultValueFactory = _ => "nDCG@10,RR@10,R@100,AP" };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var output = new Option<string>("--out") { Description = "Folder for the one-cell results (metrics.parquet, run.trec, manifest.json).", Required = true, HelpName = "DIR" };
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("train", "Train (or, with --epochs 0, just evaluate) one configuration through the matrix's cell pipeline; print its metrics and write them to DIR.")
        {
            dataset, encoder, loss, sampler, reranker, settings, epochs, batch, negatives, lr, seed, split, retrieval, depth, measures, device, output, dirs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!DeviceRequest.IsValid(parse.GetValue(device)!))
            {
                await Console.Error.WriteLineAsync($"harness: --device '{parse.GetValue(device)}' is not a device (auto, cpu, cuda, cuda:N)").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            if (parse.GetValue(depth) < 1)
            {
                await Console.Error.WriteLineAsync("harness: --depth must be at least 1").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var chosen = new (PluginKind Kind, string Id)[]
            {
                (PluginKind.Dataset, parse.GetValue(dataset)!), (PluginKind.Encoder, parse.GetValue(encoder)!), (PluginKind.Loss, parse.GetValue(loss)!),
                (PluginKind.NegativeSampler, parse.GetValue(sampler)!), (PluginKind.Reranker, parse.GetValue(reranker)!),
            };
            var given = new Dictionary<string, List<SpecParameter>>(StringComparer.Ordinal);
            foreach (var assignment in parse.GetValue(settings) ?? [])
            {
                var eq = assignment.IndexOf('=', StringComparison.Ordinal);
                var dot = eq < 0 ? -1 : assignment.LastIndexOf('.', eq);
                if (eq < 0 || dot <= 0 || dot == eq - 1)
                {
                    await Console.Error.WriteLineAsync($"harness: --set '{assignment}' is not of the form ID.NAME=VALUE (for example infonce.temperature=0.1)").ConfigureAwait(false);
                    return ExitStatus.BadInput;
                }

                var id = assignment[..dot];
                var name = assignment[(dot + 1)..eq];
                if (!chosen.Any(c => c.Id == id))
                {
                    await Console.Error.WriteLineAsync($"harness: --set {assignment}: '{id}' is not one of the chosen plugins ({string.Join(", ", chosen.Select(c => c.Id))})").ConfigureAwait(false);
                    return ExitStatus.BadInput;
                }

                var keyPath = $"--set {id}.{name}";
                given.TryAdd(id, []);
                given[id].RemoveAll(p => p.Name == name);
                given[id].Add(new SpecParameter(name, [new SpecValue(assignment[(eq + 1)..], CommandLine)], false, CommandLine, keyPath));
            }

            var train = new List<SpecParameter> { Train("epochs", parse.GetValue(epochs).ToString(CultureInfo.InvariantCulture)) };
            if (parse.GetValue(batch) is { } b)
            {
                train.Add(Train("batch_size", b.ToString(CultureInfo.InvariantCulture)));
            }

            if (parse.GetValue(negatives) is { } n)
            {
                train.Add(Train("negatives", n.ToString(CultureInfo.InvariantCulture)));
            }

            if (parse.GetValue(lr) is { } rate)
            {
                train.Add(Train("lr", rate.ToString("R", CultureInfo.InvariantCulture)));
            }

            var measureList = parse.GetValue(measures)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var m in measureList)
            {
                try
                {
                    Harness.Evaluation.MeasureSet.FromNames(m);
                }
                catch (Harness.Evaluation.EvaluationException e)
                {
                    await Console.Error.WriteLineAsync($"harness: --measures: unknown measure '{m}': {e.Message}").ConfigureAwait(false);
                    return ExitStatus.BadInput;
                }
            }

            var spec = new ExperimentSpec
            {
                Path = Path.GetFullPath("harness-train.yaml"),
                Name = "train",
                Seeds = [parse.GetValue(seed)],
                Device = parse.GetValue(device)!,
                Entries = chosen.ToDictionary(c => c.Kind, c => (IReadOnlyList<PluginEntry>)[new PluginEntry(c.Kind, c.Id, given.GetValueOrDefault(c.Id) ?? [], CommandLine, $"--{SpecKeys.Singular(c.Kind)}")]),
                Train = train,
                Eval = EvalSettings.Default with { Split = parse.GetValue(split)!, Retrieval = parse.GetValue(retrieval)!, Depth = parse.GetValue(depth), Measures = measureList },
            };
            var catalog = PluginOptions.LoadCatalog(parse.GetValue(dirs), Console.Error);
            if (catalog is null)
            {
                return ExitStatus.BadInput;
            }

            var plan = ExperimentPlanner.Plan(spec, [], catalog, PluginContext.DefaultCacheDirectory(), [spec.Device]);
            foreach (var problem in plan.Problems)
            {
                await Console.Error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            if (!plan.IsValid)
            {
                return ExitStatus.BadInput;
            }

            var cell = plan.Cells[0];
            var root = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(root);
            await MatrixFiles.WriteAsync(root, plan, cancellationToken).ConfigureAwait(false);
            var options = new CellPipelineOptions
            {
                Device = DeviceRequest.Resolve(spec.Device, DeviceAvailableValidator.CudaDeviceCount() > 0),
                CacheDirectory = PluginContext.DefaultCacheDirectory(),
                ScratchDirectory = Path.GetTempPath(),
                KeepEncoder = true,
            };
            var execution = await CellWorker.RunAsync(cell, root, options, ["harness", .. Environment.GetCommandLineArgs().Skip(1)], null, cancellationToken).ConfigureAwait(false);
            if (execution.Status != CellExecutionStatus.Complete)
            {
                await Console.Error.WriteLineAsync($"harness: {cell.DisplayName}: {execution.Status.ToString().ToLowerInvariant()}: {execution.Error}").ConfigureAwait(false);
                return ExitStatus.CheckFailed;
            }

            var record = await new ResultStore(root).InspectAsync(cell.Id, cancellationToken).ConfigureAwait(false);
            var rows = await ResultStore.ReadMetricsAsync(record, cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine($"{cell.DisplayName} ({cell.Id}), {spec.Eval.Split} split, {spec.Eval.Retrieval} retrieval");
            foreach (var m in measureList)
            {
                var all = rows.FirstOrDefault(r => r.Measure == m && r.QueryId == "all");
                Console.Out.WriteLine($"{m,-10} {(all is null ? "-" : all.Value.ToString("F4", CultureInfo.InvariantCulture))}");
            }

            Console.Out.WriteLine($"wrote {record.Directory} (metrics.parquet, run.trec{(cell.Epochs > 0 ? $", {CellResults.EncoderDirectoryName}/, training.parquet" : string.Empty)}, manifest.json)");
            return ExitStatus.Success;
        });
        return command;
    }

    private static SpecParameter Train(string name, string value) =>
        new(name, [new SpecValue(value, CommandLine)], false, CommandLine, $"--{name.Replace('_', '-')}");
}
