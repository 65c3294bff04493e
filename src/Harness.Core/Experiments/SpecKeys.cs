using Harness.Abstractions.Plugins;

namespace Harness.Core.Experiments;

/// <summary>The keys a spec may use, in one place (the reader, the validators and the docs agree on them).</summary>
public static class SpecKeys
{
    /// <summary>Top-level keys.</summary>
    public static IReadOnlyList<string> TopLevel { get; } =
        ["name", "description", "seeds", "device", "datasets", "encoders", "losses", "samplers", "rerankers", "train", "eval", "exclude", "baseline", "timeout", "memory"];

    /// <summary>The plugin list keys and their kinds.</summary>
    public static IReadOnlyList<(string Key, PluginKind Kind, string Singular)> Lists { get; } =
    [
        ("datasets", PluginKind.Dataset, "dataset"),
        ("encoders", PluginKind.Encoder, "encoder"),
        ("losses", PluginKind.Loss, "loss"),
        ("samplers", PluginKind.NegativeSampler, "sampler"),
        ("rerankers", PluginKind.Reranker, "reranker"),
    ];

    /// <summary>Keys of the <c>eval:</c> block.</summary>
    public static IReadOnlyList<string> Eval { get; } = ["split", "depth", "measures", "retrieval", "rerank_depth", "similarity"];

    /// <summary>The singular key (<c>loss</c>) of a kind, as <c>exclude:</c> and <c>baseline:</c> use it.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The key.</returns>
    public static string Singular(PluginKind kind) => Lists.First(l => l.Kind == kind).Singular;
}
