using System.Globalization;
using System.Text;

namespace Harness.Core.Slurm;

/// <summary>
/// Writes an sbatch job array over the incomplete cells of a matrix: an index map file (array task i runs the cell on
/// line i+1, so the script stays small however large the matrix) and a dependent job that summarises the folder and
/// regenerates the leaderboard. Each task runs <c>harness cell</c>, exactly what a local run's workers run, so the same
/// results folder works locally and on a cluster.
/// </summary>
public static class SlurmScripts
{
    /// <summary>Writes DIR/slurm/{cells.txt, array.sbatch, leaderboard.sbatch} (each atomically).</summary>
    /// <param name="options">Resources and paths.</param>
    /// <param name="cellIds">The incomplete cells, in matrix order.</param>
    /// <returns>The job's files.</returns>
    public static SlurmJob Write(SlurmOptions options, IReadOnlyList<string> cellIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cellIds);
        var folder = Path.Combine(options.ResultsRoot, "slurm");
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        var map = Path.Combine(folder, "cells.txt");
        var array = Path.Combine(folder, "array.sbatch");
        var leaderboard = Path.Combine(folder, "leaderboard.sbatch");
        WriteAtomic(map, string.Concat(cellIds.Select(id => id + "\n")));
        WriteAtomic(array, ArrayScript(options, map, cellIds.Count));
        WriteAtomic(leaderboard, LeaderboardScript(options));
        return new SlurmJob(folder, map, array, leaderboard, cellIds.Count);
    }

    /// <summary>The array script's text.</summary>
    /// <param name="options">Resources and paths.</param>
    /// <param name="indexMap">The index map file.</param>
    /// <param name="tasks">Array tasks.</param>
    /// <returns>The script.</returns>
    public static string ArrayScript(SlurmOptions options, string indexMap, int tasks)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name=harness-{options.Name}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{tasks - 1}\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Path.Combine(options.ResultsRoot, "slurm", "logs", "%A_%a.out")}\n");
        Resources(s, options);
        if (options.GpusPerTask > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"#SBATCH --gpus-per-task={options.GpusPerTask}\n");
        }

        s.Append("set -euo pipefail\n");
        Environment(s, options);
        s.Append(CultureInfo.InvariantCulture, $"id=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" {Quote(indexMap)})\n");
        s.Append("if [ -z \"$id\" ]; then echo \"no cell for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 2; fi\n");
        var device = options.GpusPerTask > 0 ? "cuda" : "cpu";
        var command = new List<string> { Quote(options.Executable), "cell", Quote(options.SpecPath), "--id", "\"$id\"", "--out", Quote(options.ResultsRoot), "--device", device, "--threads", "\"${SLURM_CPUS_PER_TASK:-1}\"" };
        foreach (var dir in options.PluginDirectories)
        {
            command.Add("--plugins");
            command.Add(Quote(dir));
        }

        if (options.Locked)
        {
            command.Add("--locked");
        }

        s.Append("exec ").Append(string.Join(' ', command)).Append('\n');
        return s.ToString();
    }

    /// <summary>The dependent job's text: summarise the folder (<c>harness status</c>) and regenerate the leaderboard (<c>harness leaderboard</c>).</summary>
    /// <param name="options">Resources and paths.</param>
    /// <returns>The script.</returns>
    public static string LeaderboardScript(SlurmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name=harness-{options.Name}-leaderboard\n");
        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Path.Combine(options.ResultsRoot, "slurm", "logs", "leaderboard-%j.out")}\n");
        if (options.Partition is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $"#SBATCH --partition={options.Partition}\n");
        }

        s.Append("#SBATCH --cpus-per-task=1\n");
        s.Append("set -uo pipefail\n");
        Environment(s, options);
        var exe = Quote(options.Executable);
        var root = Quote(options.ResultsRoot);
        s.Append(CultureInfo.InvariantCulture, $"{exe} status {root}\n");
        s.Append(CultureInfo.InvariantCulture, $"exec {exe} leaderboard {root}\n");
        return s.ToString();
    }

    private static void Resources(StringBuilder s, SlurmOptions options)
    {
        if (options.Partition is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $"#SBATCH --partition={options.Partition}\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={options.CpusPerTask}\n");
        if (options.Memory is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $"#SBATCH --mem={options.Memory}\n");
        }

        if (options.Time is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $"#SBATCH --time={options.Time}\n");
        }
    }

    private static void Environment(StringBuilder s, SlurmOptions options)
    {
        if (options.CacheDirectory is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $"export HARNESS_CACHE={Quote(options.CacheDirectory)}\n");
        }
    }

    /// <summary>Single-quotes a value for bash.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The quoted text.</returns>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static void WriteAtomic(string path, string text)
    {
        var temp = $"{path}.{System.Environment.ProcessId}.tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
