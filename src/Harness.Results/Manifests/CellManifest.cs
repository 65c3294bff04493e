using System.Text.Json.Nodes;

namespace Harness.Results.Manifests;

/// <summary>
/// A cell's <c>manifest.json</c>, written last: what ran (<see cref="Cell"/>, <see cref="Configuration"/>,
/// <see cref="Seeds"/>), how it ended (<see cref="Status"/>, <see cref="Error"/>), when (<see cref="Timings"/>), with
/// what (<see cref="Provenance"/>, <see cref="Citations"/>), and the SHA-256 of every other file in the cell
/// (<see cref="Files"/>). A cell is complete only when its manifest says <see cref="CellStatus.Complete"/> and every
/// hash matches (<see cref="Storage.ResultStore.InspectAsync"/>).
/// </summary>
public sealed record CellManifest
{
    /// <summary>The format tag this version writes.</summary>
    public const string CurrentFormat = "harness.cell/1";

    /// <summary>The file name inside a cell folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Format tag (<see cref="CurrentFormat"/>).</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The cell's id: the content hash the runner computed (also the folder name).</summary>
    public required string CellId { get; init; }

    /// <summary>A human-readable name, for example <c>synthetic/hashed-bow/infonce(temperature=0.05)/random/none/seed=1</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>How the cell ended.</summary>
    public required CellStatus Status { get; init; }

    /// <summary>Why the cell failed or diverged (null when complete).</summary>
    public string? Error { get; init; }

    /// <summary>The axes that place the cell in the matrix.</summary>
    public required CellAxes Cell { get; init; }

    /// <summary>The fully resolved configuration (plugin parameters with defaults filled in, training and evaluation settings), as the runner writes it.</summary>
    public JsonObject? Configuration { get; init; }

    /// <summary>Every seed used, by purpose (for example <c>cell</c>, <c>training</c>, <c>sampler</c>).</summary>
    public IReadOnlyDictionary<string, long>? Seeds { get; init; }

    /// <summary>Start, end and phase durations.</summary>
    public CellTimings? Timings { get; init; }

    /// <summary>SHA-256 (lower-case hex) of every other file in the cell folder, by relative path with <c>/</c> separators.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment, harness version and commit, plugins (id, version, contract, assembly, SHA-256), datasets (id, parameters, content hash), command line. Kept as JSON so a folder is readable with no plugins present.</summary>
    public JsonObject? Provenance { get; init; }

    /// <summary>Citations of the plugins used, by plugin id (BibTeX or a plain reference, as the plugin gives it).</summary>
    public IReadOnlyDictionary<string, string>? Citations { get; init; }
}
