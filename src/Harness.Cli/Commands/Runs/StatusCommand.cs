using System.CommandLine;
using Harness.Results.Storage;

namespace Harness.Cli.Commands.Runs;

/// <summary><c>harness status [DIR]</c>: complete, failed (with reasons), incomplete and missing cells of a results folder.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("DIR") { Description = "The results folder (default results/quickstart).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Summarise a results folder: complete cells, failed cells with their reasons, incomplete and missing cells.") { dir };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.GetFullPath(parse.GetValue(dir) ?? Path.Combine("results", "quickstart"));
            if (!Directory.Exists(root))
            {
                await Console.Error.WriteLineAsync($"harness: results folder '{root}' does not exist").ConfigureAwait(false);
                return ExitStatus.BadInput;
            }

            var store = new ResultStore(root);
            var records = await store.CellsAsync(cancellationToken).ConfigureAwait(false);
            var planned = MatrixFiles.ReadPlan(root);
            var names = planned?.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal) ?? [];
            var byState = records.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.ToList());
            var missing = planned?.Where(p => !records.Any(r => r.CellId == p.Id)).ToList() ?? [];
            string Name(CellRecord r) => r.Manifest?.DisplayName ?? names.GetValueOrDefault(r.CellId) ?? string.Empty;
            List<CellRecord> Of(CellState s) => byState.GetValueOrDefault(s) ?? [];

            var stale = planned is null ? 0 : records.Count(r => !names.ContainsKey(r.CellId));
            Console.Out.WriteLine($"{root}: {Of(CellState.Complete).Count} complete, {Of(CellState.Failed).Count + Of(CellState.Diverged).Count} failed, {Of(CellState.Incomplete).Count + Of(CellState.Corrupt).Count} incomplete, {missing.Count} missing{(planned is null ? " (no plan.json: missing cells unknown)" : string.Empty)}{(stale > 0 ? $", {stale} not in the current plan" : string.Empty)}");
            foreach (var r in Of(CellState.Failed).Concat(Of(CellState.Diverged)))
            {
                Console.Out.WriteLine($"  {r.State.ToString().ToLowerInvariant(),-10} {r.CellId}  {Name(r)}: {r.Reason}");
            }

            foreach (var r in Of(CellState.Incomplete).Concat(Of(CellState.Corrupt)))
            {
                Console.Out.WriteLine($"  {r.State.ToString().ToLowerInvariant(),-10} {r.CellId}  {Name(r)}: {r.Reason}");
            }

            foreach (var (id, name) in missing)
            {
                Console.Out.WriteLine($"  {"missing",-10} {id}  {name}");
            }

            return ExitStatus.Success;
        });
        return command;
    }
}
