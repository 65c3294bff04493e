using Harness.Abstractions.Rerankers;
using Harness.Abstractions.Services;

namespace Harness.Abstractions.NegativeSamplers;

/// <summary>The host services given to a sampler: exactly those it declared; the others are null.</summary>
public sealed record SamplerServices
{
    /// <summary>No services.</summary>
    public static SamplerServices None { get; } = new();

    /// <summary>BM25 over the corpus (<see cref="SamplerNeeds.Lexical"/>).</summary>
    public ILexicalSearcher? Lexical { get; init; }

    /// <summary>Dense mining over the encoder being trained (<see cref="SamplerNeeds.DenseMiner"/>).</summary>
    public IDenseMiner? DenseMiner { get; init; }

    /// <summary>A (trained) reranker used as a teacher, e.g. a cross-encoder (<see cref="SamplerNeeds.Teacher"/>).</summary>
    public IReranker? Teacher { get; init; }
}
