using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harness.Core.Running;

/// <summary>Where and how a cell's pipeline runs.</summary>
public sealed record CellPipelineOptions
{
    /// <summary>cpu, cuda or cuda:N (already resolved from auto).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The harness cache (datasets, BM25 indexes, dataset probes).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>A private scratch folder for this cell's plugins.</summary>
    public required string ScratchDirectory { get; init; }

    /// <summary>CPU threads the cell may use (BM25 search, libtorch intra-op).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether to keep the trained encoder (saved in the scratch folder, then written with the cell's files as
    /// <c>encoder/</c>), whatever the cell's <c>keep_encoder</c> says.</summary>
    public bool KeepEncoder { get; init; }

    /// <summary>Where training checkpoints go (the cell's work folder), when the cell's <c>checkpoint_every</c> is above 0;
    /// null: no checkpoints. A checkpoint found there from an earlier, interrupted run of the same cell is resumed.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>The plugins' logger.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
