using System.CommandLine;
using System.Globalization;
using Harness.Audits;
using Harness.Audits.Reexecution;
using Harness.Results.Storage;

namespace Harness.Cli.Commands;

/// <summary>
/// <c>harness audit [DIR] [--rerun N|all] [--tolerance T] [--seed N] [--plugins DIR]... [--skip-datasets]</c>:
/// integrity (every file against its manifest's SHA-256, every manifest complete), provenance (plugins and datasets
/// now against those recorded) and, with <c>--rerun</c>, re-execution. Writes DIR/audit.md; exit 1 when anything
/// failed (each failure named on stderr), 2 on bad input.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR")
        {
            Description = $"The results folder (default: {LeaderboardCommand.DefaultDirectory}).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => LeaderboardCommand.DefaultDirectory,
        };
        var rerun = new Option<string?>("--rerun") { Description = "Rerun N complete cells (a seeded choice) or all, and compare with the recorded results.", HelpName = "N|all" };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest accepted difference of means and RMSE in a rerun (default 0: exact, with identical rankings)." };
        var seed = new Option<long>("--seed") { Description = "Seed of the choice of cells to rerun (default 0)." };
        var scratch = new Option<string?>("--scratch") { Description = "Folder for reruns (default: a new folder under the system temp folder).", HelpName = "DIR" };
        var skipDatasets = new Option<bool>("--skip-datasets") { Description = "Do not open the recorded datasets to check their content hashes." };
        var plugins = PluginOptions.PluginDirectories();
        var command = new Command("audit", "Audit a results folder: file hashes against manifests, plugins and datasets against provenance, and optionally rerun cells.")
        {
            dir, rerun, tolerance, seed, scratch, skipDatasets, plugins,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(dir)!;
            if (!Directory.Exists(directory))
            {
                await Console.Error.WriteLineAsync($"harness audit: {directory}: no such folder").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var count = 0;
            if (parse.GetValue(rerun) is { } text)
            {
                if (text == "all")
                {
                    count = AuditOptions.All;
                }
                else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
                {
                    await Console.Error.WriteLineAsync($"harness audit: --rerun '{text}': expected a positive number of cells or 'all'").ConfigureAwait(false);
                    return ExitStatus.BadInput;
                }
            }

            if (parse.GetValue(tolerance) is var t && (t < 0 || !double.IsFinite(t)))
            {
                await Console.Error.WriteLineAsync("harness audit: --tolerance must be a finite number >= 0").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var rerunner = count == 0 ? null : CreateRerunner(parse.GetValue(plugins) ?? []);

            var catalog = PluginOptions.LoadCatalog(parse.GetValue(plugins), Console.Error);
            if (catalog is null)
            {
                return ExitStatus.BadInput;
            }

            var store = new ResultStore(directory);
            if (!Directory.Exists(store.CellsDirectory))
            {
                await Console.Error.WriteLineAsync($"harness audit: {directory}: no {ResultStore.CellsFolder}/ folder (not a results folder)").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var options = new AuditOptions { Rerun = count, Seed = parse.GetValue(seed), Tolerance = t, ScratchDirectory = parse.GetValue(scratch) };
            var report = await Auditor.RunAsync(store, options, new AuditProvenanceSource(catalog, !parse.GetValue(skipDatasets)), rerunner, cancellationToken).ConfigureAwait(false);
            var path = Path.Combine(store.Root, AuditMarkdown.FileName);
            await AtomicFile.WriteAllTextAsync(path, AuditMarkdown.Render(report), cancellationToken).ConfigureAwait(false);
            foreach (var failure in report.Failures)
            {
                await Console.Error.WriteLineAsync(failure.ToString()).ConfigureAwait(false);
            }

            var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
            var shown = relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
            var failures = report.Failures.Count();
            var checkedCount = report.Findings.Count;
            Console.WriteLine(report.Passed
                ? $"audit passed: {checkedCount} checks ({report.Findings.Count(f => f.Severity == AuditSeverity.Warning)} warnings); wrote {shown}"
                : $"audit FAILED: {failures} of {checkedCount} checks failed; wrote {shown}");
            return report.Passed ? ExitStatus.Success : ExitStatus.CheckFailed;
        });
        return command;
    }

    /// <summary>
    /// The rerunner for <c>--rerun</c>: runs <c>harness cell</c> (the matrix runner's verb) on a recorded cell into a
    /// scratch folder (<see cref="Runs.CellRerunner"/>).
    /// </summary>
    /// <param name="pluginDirectories">The <c>--plugins</c> folders.</param>
    private static ICellRerunner CreateRerunner(IReadOnlyList<string> pluginDirectories) => new Runs.CellRerunner(pluginDirectories);
}
