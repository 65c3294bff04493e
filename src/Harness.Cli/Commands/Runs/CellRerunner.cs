using System.Diagnostics;
using Harness.Audits.Reexecution;
using Harness.Results.Storage;

namespace Harness.Cli.Commands.Runs;

/// <summary>
/// <c>harness audit --rerun</c>'s re-execution: runs <c>harness cell SPEC --id ID --out SCRATCH</c> in a child process,
/// exactly what <c>harness run</c>'s workers run, with the spec named in the results folder's <c>matrix.json</c>, the
/// recorded device kind and the same plugin folders, then reads the cell back from the scratch folder.
/// </summary>
internal sealed class CellRerunner : ICellRerunner
{
    private const int StderrLinesKept = 5;
    private readonly IReadOnlyList<string> _pluginDirectories;

    /// <summary>Creates the rerunner.</summary>
    /// <param name="pluginDirectories">The <c>--plugins</c> folders given to <c>audit</c>.</param>
    public CellRerunner(IReadOnlyList<string> pluginDirectories) => _pluginDirectories = pluginDirectories;

    /// <inheritdoc />
    public async Task<CellRecord> RerunAsync(CellRecord original, string scratchRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        var resultsRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(original.Directory)))
            ?? throw new InvalidOperationException($"cell {original.CellId}: {original.Directory} is not inside a results folder");
        // The spec this cell was run from, as its manifest's command line records it (a results folder may hold cells
        // of several specs, e.g. a reference row run from a second spec); else the one named by matrix.json.
        var spec = RecordedSpec(original);
        if (spec is null)
        {
            var matrix = new ResultStore(resultsRoot).ReadMatrix();
            spec = matrix?.Spec ?? throw new InvalidOperationException($"cell {original.CellId}: {Path.Combine(resultsRoot, "matrix.json")} does not name the spec the matrix was run from");
        }

        if (!File.Exists(spec))
        {
            throw new InvalidOperationException($"cell {original.CellId}: the spec {spec} (from matrix.json) is not there");
        }

        var start = new ProcessStartInfo(Environment.ProcessPath ?? "harness")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["cell", spec, "--id", original.CellId, "--out", Path.GetFullPath(scratchRoot)])
        {
            start.ArgumentList.Add(argument);
        }

        if (original.Manifest?.Provenance?["environment"]?["device"]?.GetValue<string>() is { } device && device.Length > 0)
        {
            start.ArgumentList.Add("--device");
            start.ArgumentList.Add(device.StartsWith("cuda", StringComparison.Ordinal) ? "cuda" : device);
        }

        foreach (var directory in _pluginDirectories)
        {
            start.ArgumentList.Add("--plugins");
            start.ArgumentList.Add(Path.GetFullPath(directory));
        }

        using var process = new Process { StartInfo = start };
        var stderr = new Queue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lock (stderr)
                {
                    stderr.Enqueue(e.Data.Trim());
                    while (stderr.Count > StderrLinesKept)
                    {
                        stderr.Dequeue();
                    }
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit();
        var record = await new ResultStore(scratchRoot).InspectAsync(original.CellId, cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != ExitStatus.Success || !record.IsComplete)
        {
            string last;
            lock (stderr)
            {
                last = string.Join(" | ", stderr);
            }

            throw new InvalidOperationException($"cell {original.CellId}: harness cell exited {process.ExitCode}{(last.Length == 0 ? string.Empty : $": {last}")}");
        }

        return record;
    }

    /// <summary>The spec of a <c>harness cell SPEC ...</c> command line in the cell's provenance, when that file exists.</summary>
    private static string? RecordedSpec(CellRecord cell)
    {
        if (cell.Manifest?.Provenance?["command_line"] is not System.Text.Json.Nodes.JsonArray line)
        {
            return null;
        }

        for (var i = 0; i + 1 < line.Count; i++)
        {
            if (line[i]?.GetValue<string>() == "cell" && line[i + 1]?.GetValue<string>() is { } spec && File.Exists(spec))
            {
                return spec;
            }
        }

        return null;
    }
}
