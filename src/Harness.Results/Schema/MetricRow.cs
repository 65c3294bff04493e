namespace Harness.Results.Schema;

/// <summary>One row of <c>metrics.parquet</c>: one measure's value for one query of one cell.</summary>
/// <param name="CellId">The cell's id (content hash of its resolved configuration).</param>
/// <param name="Dataset">Dataset plugin id.</param>
/// <param name="Encoder">Encoder plugin id.</param>
/// <param name="Loss">Loss plugin id.</param>
/// <param name="Sampler">Negative sampler plugin id.</param>
/// <param name="Reranker">Reranker plugin id (<c>none</c> when there is none).</param>
/// <param name="Seed">The cell's seed.</param>
/// <param name="Params">The cell's parameters as one canonical string (seed excluded): equal strings mean the same configuration.</param>
/// <param name="QueryId">The query id. The aggregate over all queries, where a cell stores one, uses <see cref="AllQueries"/>.</param>
/// <param name="Measure">The measure's name, for example <c>nDCG@10</c>.</param>
/// <param name="Value">The value.</param>
public sealed record MetricRow(
    string CellId,
    string Dataset,
    string Encoder,
    string Loss,
    string Sampler,
    string Reranker,
    long Seed,
    string Params,
    string QueryId,
    string Measure,
    double Value)
{
    /// <summary>The query id of a row that holds the aggregate over all queries (as trec_eval's <c>all</c>).</summary>
    public const string AllQueries = "all";
}
