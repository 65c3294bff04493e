using Harness.Results.Manifests;
using Harness.Results.Schema;

namespace Harness.Leaderboard.Aggregation;

/// <summary>One configuration: a cell without its seed. Rows of the leaderboard are configurations.</summary>
/// <param name="Dataset">Dataset plugin id.</param>
/// <param name="Encoder">Encoder plugin id.</param>
/// <param name="Loss">Loss plugin id.</param>
/// <param name="Sampler">Negative sampler plugin id.</param>
/// <param name="Reranker">Reranker plugin id.</param>
/// <param name="Params">Canonical parameter string.</param>
public sealed record ConfigurationKey(string Dataset, string Encoder, string Loss, string Sampler, string Reranker, string Params) : IComparable<ConfigurationKey>
{
    /// <summary>The axis names, in display order (the keys a baseline selector may use).</summary>
    public static readonly IReadOnlyList<string> Axes = ["dataset", "encoder", "loss", "sampler", "reranker", "params"];

    /// <summary>A short human-readable name: <c>encoder/loss/sampler[/reranker][ params]</c> (the dataset is shown separately).</summary>
    public string DisplayName =>
        $"{Encoder}/{Loss}/{Sampler}{(Reranker is "none" or "" ? string.Empty : "/" + Reranker)}{(Params.Length == 0 ? string.Empty : " " + Params)}";

    /// <summary>The key of a metrics row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The key.</returns>
    public static ConfigurationKey Of(MetricRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Dataset, row.Encoder, row.Loss, row.Sampler, row.Reranker, row.Params);
    }

    /// <summary>The key of a manifest's axes.</summary>
    /// <param name="axes">The axes.</param>
    /// <returns>The key.</returns>
    public static ConfigurationKey Of(CellAxes axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return new(axes.Dataset, axes.Encoder, axes.Loss, axes.Sampler, axes.Reranker, axes.Params);
    }

    /// <summary>The value of one axis by name (see <see cref="Axes"/>).</summary>
    /// <param name="axis">The axis name.</param>
    /// <returns>The value.</returns>
    public string Get(string axis) => axis switch
    {
        "dataset" => Dataset,
        "encoder" => Encoder,
        "loss" => Loss,
        "sampler" => Sampler,
        "reranker" => Reranker,
        "params" => Params,
        _ => throw new ArgumentException($"unknown axis '{axis}' (axes: {string.Join(", ", Axes)})", nameof(axis)),
    };

    /// <summary>Ordinal order over the axes in display order.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>The comparison.</returns>
    public int CompareTo(ConfigurationKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        foreach (var c in new[]
        {
            string.CompareOrdinal(Dataset, other.Dataset), string.CompareOrdinal(Encoder, other.Encoder),
            string.CompareOrdinal(Loss, other.Loss), string.CompareOrdinal(Sampler, other.Sampler),
            string.CompareOrdinal(Reranker, other.Reranker), string.CompareOrdinal(Params, other.Params),
        })
        {
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
