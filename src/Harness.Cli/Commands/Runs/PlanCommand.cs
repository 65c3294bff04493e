using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Core.Running;

namespace Harness.Cli.Commands.Runs;

/// <summary><c>harness plan SPEC [--json]</c>: validate a matrix and list its cells; writes nothing.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var spec = MatrixPlanning.Spec();
        var json = PluginOptions.Json();
        var dirs = PluginOptions.PluginDirectories();
        var command = new Command("plan", "Validate a matrix spec (every problem, with file:line and key path) and list its cells with ids and display names. Writes nothing.")
        {
            spec, json, dirs,
        };
        command.SetAction(parse =>
        {
            var plan = MatrixPlanning.Plan(parse.GetValue(spec)!, parse.GetValue(dirs), null, Console.Error);
            if (plan is null)
            {
                return ExitStatus.BadInput;
            }

            if (parse.GetValue(json))
            {
                var root = new JsonObject
                {
                    ["name"] = plan.Spec!.Name,
                    ["spec"] = plan.Spec.Path,
                    ["cells"] = new JsonArray([.. plan.Cells.Select(c => (JsonNode)new JsonObject
                    {
                        ["id"] = c.Id,
                        ["display_name"] = c.DisplayName,
                        ["configuration"] = CellResults.Configuration(c),
                    })]),
                    ["warnings"] = new JsonArray([.. plan.Problems.Select(p => (JsonNode)JsonValue.Create(p.ToString()))]),
                };
                // Written through Utf8JsonWriter: ToJsonString(options) needs a TypeInfoResolver, which this
                // trimming-safe build does not have (it threw "JsonSerializerOptions instance must specify a
                // TypeInfoResolver").
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                {
                    root.WriteTo(writer);
                }

                Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                return ExitStatus.Success;
            }

            var seeds = plan.Spec!.Seeds.Count;
            Console.Out.WriteLine($"{plan.Spec.Name}: {plan.Cells.Count} cell{(plan.Cells.Count == 1 ? string.Empty : "s")} ({seeds} seed{(seeds == 1 ? string.Empty : "s")}), spec {plan.Spec.DisplayPath}");
            Console.Out.WriteLine($"{"CELL",-16}  NAME");
            foreach (var cell in plan.Cells)
            {
                Console.Out.WriteLine($"{cell.Id,-16}  {cell.DisplayName}");
            }

            return ExitStatus.Success;
        });
        return command;
    }
}
