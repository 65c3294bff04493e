namespace Harness.Results.Matrix;

/// <summary>
/// <c>DIR/matrix.json</c>: what the runner knows about the matrix that the leaderboard needs and the cells do not say:
/// its name, the baseline configuration, the primary measure (the ranking) and the measures in display order. Optional:
/// without it the leaderboard takes the measures from the metrics and asks for <c>--baseline</c> and <c>--primary</c>
/// (or takes the first measure, ordinally).
/// </summary>
public sealed record MatrixInfo
{
    /// <summary>The file name in a results folder.</summary>
    public const string FileName = "matrix.json";

    /// <summary>The matrix's name (the spec's <c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The baseline as axis → value, for example <c>{"loss": "infonce", "sampler": "random"}</c>. Axes: dataset, encoder, loss, sampler, reranker, params.</summary>
    public IReadOnlyDictionary<string, string>? Baseline { get; init; }

    /// <summary>The measure the leaderboard ranks by, for example <c>nDCG@10</c>.</summary>
    public string? PrimaryMeasure { get; init; }

    /// <summary>The measures, in display order.</summary>
    public IReadOnlyList<string>? Measures { get; init; }

    /// <summary>The spec file the matrix came from, as given to the runner (informational).</summary>
    public string? Spec { get; init; }

    /// <summary>Reads <c>matrix.json</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The matrix information.</returns>
    /// <exception cref="ResultFormatException">Broken JSON or a missing name.</exception>
    public static MatrixInfo Read(string path) => Manifests.ResultJson.Read<MatrixInfo>(path);

    /// <summary>Writes <c>matrix.json</c> atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) =>
        Storage.AtomicFile.WriteAllTextAsync(path, Manifests.ResultJson.Serialize(this), cancellationToken);
}
