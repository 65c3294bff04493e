using Harness.Abstractions.Plugins;
using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>
/// A matrix of experiments as read from a YAML spec (see <c>benchmarks/matrices/quickstart.yaml</c>). Immutable; read
/// one with <see cref="SpecReader"/>, expand it into cells with <see cref="Matrix.Expand"/>.
/// </summary>
public sealed record ExperimentSpec
{
    /// <summary>The spec file (full path).</summary>
    public required string Path { get; init; }

    /// <summary>The matrix name (default results folder <c>results/NAME</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The seeds; every combination runs once per seed.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary><c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>The plugin lists, by kind.</summary>
    public required IReadOnlyDictionary<PluginKind, IReadOnlyList<PluginEntry>> Entries { get; init; }

    /// <summary>The <c>train:</c> values (a list is an axis).</summary>
    public IReadOnlyList<SpecParameter> Train { get; init; } = [];

    /// <summary>The <c>eval:</c> block.</summary>
    public EvalSettings Eval { get; init; } = EvalSettings.Default;

    /// <summary>The <c>exclude:</c> rules.</summary>
    public IReadOnlyList<ExcludeRule> Exclude { get; init; } = [];

    /// <summary>The <c>baseline:</c> plugin ids by kind (the leaderboard compares every cell with it).</summary>
    public IReadOnlyDictionary<PluginKind, SpecValue> Baseline { get; init; } = new Dictionary<PluginKind, SpecValue>();

    /// <summary>The per-cell time limit, if any.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The per-cell memory limit in bytes (resident memory of the cell process), if any: a cell over it is
    /// killed and recorded as out-of-memory.</summary>
    public long? MemoryLimit { get; init; }

    /// <summary>Where each top-level and block key was written, by key path (for validators' messages).</summary>
    public IReadOnlyDictionary<string, SpecLocation> Locations { get; init; } = new Dictionary<string, SpecLocation>();

    /// <summary>The location of a key path, or the file's first line.</summary>
    /// <param name="keyPath">The key path.</param>
    /// <returns>The location.</returns>
    public SpecLocation LocationOf(string keyPath) =>
        Locations.TryGetValue(keyPath, out var l) ? l : new SpecLocation(DisplayPath, 1, 1);

    /// <summary>The spec path as messages print it (relative to the current folder when under it).</summary>
    public string DisplayPath => SpecReader.DisplayPath(Path);

    /// <summary>The entries of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The entries (empty when the spec has none).</returns>
    public IReadOnlyList<PluginEntry> EntriesOf(PluginKind kind) => Entries.TryGetValue(kind, out var e) ? e : [];
}
