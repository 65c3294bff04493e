namespace Harness.Core.Slurm;

/// <summary>Resources and paths of a Slurm job array over a matrix's incomplete cells.</summary>
public sealed record SlurmOptions
{
    /// <summary>The harness executable the compute nodes run (the same path must exist there).</summary>
    public required string Executable { get; init; }

    /// <summary>The spec file.</summary>
    public required string SpecPath { get; init; }

    /// <summary>The results folder (shared between the nodes).</summary>
    public required string ResultsRoot { get; init; }

    /// <summary>The matrix name (the job name).</summary>
    public required string Name { get; init; }

    /// <summary><c>--partition</c>, if any.</summary>
    public string? Partition { get; init; }

    /// <summary>GPUs per array task (0: CPU cells).</summary>
    public int GpusPerTask { get; init; }

    /// <summary>CPUs per array task.</summary>
    public int CpusPerTask { get; init; } = 1;

    /// <summary><c>--mem</c>, if any (for example 8G).</summary>
    public string? Memory { get; init; }

    /// <summary><c>--time</c>, if any (Slurm's format).</summary>
    public string? Time { get; init; }

    /// <summary>Extra plugin folders passed to each cell.</summary>
    public IReadOnlyList<string> PluginDirectories { get; init; } = [];

    /// <summary>The harness cache the tasks use (exported as HARNESS_CACHE when set).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Whether each cell checks plugins.lock.</summary>
    public bool Locked { get; init; }
}
