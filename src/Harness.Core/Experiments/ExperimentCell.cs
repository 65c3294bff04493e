namespace Harness.Core.Experiments;

/// <summary>
/// One resolved cell of the matrix: plugins with typed parameters, training values, evaluation settings, seed, and
/// the content-addressed <see cref="Id"/>. Immutable.
/// </summary>
public sealed record ExperimentCell
{
    /// <summary>The cell id: <see cref="CellId.Compute"/> of <see cref="Canonical"/> (16 hex digits).</summary>
    public required string Id { get; init; }

    /// <summary>A short human-readable name: ids, the values of the axes, the seed.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The spec's cell (where each value was written).</summary>
    public required CellConfig Config { get; init; }

    /// <summary>The dataset.</summary>
    public required ResolvedPlugin Dataset { get; init; }

    /// <summary>The encoder.</summary>
    public required ResolvedPlugin Encoder { get; init; }

    /// <summary>The loss.</summary>
    public required ResolvedPlugin Loss { get; init; }

    /// <summary>The negative sampler.</summary>
    public required ResolvedPlugin Sampler { get; init; }

    /// <summary>The reranker (<c>none</c>: no reranking).</summary>
    public required ResolvedPlugin Reranker { get; init; }

    /// <summary>
    /// The teacher reranker the sampler names (<see cref="Hosting.TeacherReference"/>), trained by the cell before the
    /// sampler's Prepare; null when it names none. Part of <see cref="Canonical"/> only when set.
    /// </summary>
    public ResolvedPlugin? Teacher { get; init; }

    /// <summary>The training values (every key of <see cref="TrainingSettings.Specs"/>).</summary>
    public required Harness.Abstractions.Plugins.PluginParameters Train { get; init; }

    /// <summary>How the cell runs and what it keeps (checkpoints, the trained encoder); not part of <see cref="Canonical"/>.</summary>
    public CellRunSettings Run { get; init; } = CellRunSettings.Default;

    /// <summary>The evaluation settings.</summary>
    public required EvalSettings Eval { get; init; }

    /// <summary>The seed.</summary>
    public required int Seed { get; init; }

    /// <summary>The canonical SHA-256 of the dataset's content (from the dataset plugin, for this seed).</summary>
    public required string DatasetContentHash { get; init; }

    /// <summary>The epochs to train (0: evaluate the untrained encoder).</summary>
    public int Epochs => Train.GetInt("epochs");

    /// <summary>The plugins in kind order.</summary>
    public IReadOnlyList<ResolvedPlugin> Plugins => [Dataset, Encoder, Loss, Sampler, Reranker];

    /// <summary>
    /// The canonical text the id hashes: every plugin's id, version, assembly hash and parameters, the dataset's content
    /// hash, the training values, the evaluation settings and the seed. The device,
    /// the time limit, the matrix name and the <see cref="Run"/> settings are not part of it (the same cell run on another worker or in another matrix is the same cell).
    /// </summary>
    public string Canonical =>
        string.Join("\n",
        [
            $"dataset={Dataset.Canonical()}",
            $"dataset_content={DatasetContentHash}",
            $"encoder={Encoder.Canonical()}",
            $"loss={Loss.Canonical()}",
            $"sampler={Sampler.Canonical()}",
            $"reranker={Reranker.Canonical()}",
            .. (Teacher is null ? Array.Empty<string>() : new[] { $"teacher={Teacher.Canonical()}" }),
            $"train={Train}",
            $"eval={Eval}",
            $"seed={Seed}",
        ]);

    /// <summary>
    /// The canonical parameter string of result rows: every plugin's parameters and the training values, and the
    /// first-stage retrieval when it is not the default dense search (so a BM25 reference row is its own configuration
    /// in the leaderboard, not merged with the dense row of the same plugins).
    /// </summary>
    public string ParamsText =>
        string.Join(";", Plugins.Where(p => p.Parameters.Count > 0).Select(p => $"{p.Id}({p.Parameters})").Append($"train({Train})")
            .Concat(Eval.Retrieval == EvalSettings.Default.Retrieval ? [] : [$"retrieval({Eval.Retrieval})"]));
}
