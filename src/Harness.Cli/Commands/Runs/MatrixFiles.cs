using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Core.Experiments;
using Harness.Results.Matrix;
using Harness.Results.Storage;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// The matrix-level files of a results folder: matrix.json (Harness.Results: name, baseline, measures, spec) and
/// plan.json (every cell id with its display name, so <c>harness status</c> can name the missing ones).
/// </summary>
internal static class MatrixFiles
{
    public const string PlanFileName = "plan.json";

    public static async Task WriteAsync(string root, ExperimentPlan plan, CancellationToken cancellationToken)
    {
        var spec = plan.Spec!;
        var info = new MatrixInfo
        {
            Name = spec.Name,
            Baseline = spec.Baseline.Count == 0 ? null : spec.Baseline.ToDictionary(b => SpecKeys.Singular(b.Key), b => b.Value.Text),
            PrimaryMeasure = spec.Eval.Measures[0],
            Measures = spec.Eval.Measures,
            Spec = spec.Path,
        };
        await info.WriteAsync(Path.Combine(root, MatrixInfo.FileName), cancellationToken).ConfigureAwait(false);
        var cells = new JsonArray([.. plan.Cells.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["display_name"] = c.DisplayName })]);
        var json = new JsonObject { ["name"] = spec.Name, ["spec"] = spec.Path, ["cells"] = cells }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        await AtomicFile.WriteAllTextAsync(Path.Combine(root, PlanFileName), json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The planned cells (id → display name) of a results folder, or null when it has no plan.json.</summary>
    public static IReadOnlyList<(string Id, string Name)>? ReadPlan(string root)
    {
        var path = Path.Combine(root, PlanFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path));
            return [.. node!["cells"]!.AsArray().Select(c => (c!["id"]!.GetValue<string>(), c["display_name"]!.GetValue<string>()))];
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
