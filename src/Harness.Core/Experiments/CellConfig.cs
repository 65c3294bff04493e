using Harness.Abstractions.Plugins;

namespace Harness.Core.Experiments;

/// <summary>
/// One cell of the matrix as the spec writes it (before plugins are resolved): a choice per plugin kind, the training
/// values and the seed. Immutable.
/// </summary>
/// <param name="Dataset">The dataset choice.</param>
/// <param name="Encoder">The encoder choice.</param>
/// <param name="Loss">The loss choice.</param>
/// <param name="Sampler">The negative sampler choice.</param>
/// <param name="Reranker">The reranker choice (<c>none</c> for no reranking).</param>
/// <param name="Train">The training values (one per axis).</param>
/// <param name="Seed">The seed.</param>
public sealed record CellConfig(
    PluginChoice Dataset,
    PluginChoice Encoder,
    PluginChoice Loss,
    PluginChoice Sampler,
    PluginChoice Reranker,
    IReadOnlyList<KeyValuePair<string, SpecValue>> Train,
    int Seed)
{
    /// <summary>The choice for a plugin kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The choice.</returns>
    public PluginChoice Choice(PluginKind kind) => kind switch
    {
        PluginKind.Dataset => Dataset,
        PluginKind.Encoder => Encoder,
        PluginKind.Loss => Loss,
        PluginKind.NegativeSampler => Sampler,
        PluginKind.Reranker => Reranker,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The choices in kind order (dataset, encoder, loss, sampler, reranker).</summary>
    public IEnumerable<PluginChoice> Choices => [Dataset, Encoder, Loss, Sampler, Reranker];
}
