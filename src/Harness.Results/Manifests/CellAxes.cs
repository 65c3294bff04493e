namespace Harness.Results.Manifests;

/// <summary>
/// The axes that place a cell in the matrix: the plugin ids, the canonical parameter string and the seed. The same
/// values as the identifying columns of <c>metrics.parquet</c>; the manifest carries them too so that a failed cell,
/// which has no metrics, can still be listed under its configuration.
/// </summary>
/// <param name="Dataset">Dataset plugin id.</param>
/// <param name="Encoder">Encoder plugin id.</param>
/// <param name="Loss">Loss plugin id.</param>
/// <param name="Sampler">Negative sampler plugin id.</param>
/// <param name="Reranker">Reranker plugin id (<c>none</c> when there is none).</param>
/// <param name="Params">Canonical parameter string (seed excluded).</param>
/// <param name="Seed">The seed.</param>
public sealed record CellAxes(string Dataset, string Encoder, string Loss, string Sampler, string Reranker, string Params, long Seed);
