using Harness.Abstractions.Plugins;

namespace Harness.Core.PluginHost;

/// <summary>Maps plugin kinds to their interfaces and display names.</summary>
public static class PluginKinds
{
    /// <summary>Every kind with the interface a plugin of that kind implements.</summary>
    public static IReadOnlyList<(PluginKind Kind, Type Interface)> All { get; } =
    [
        (PluginKind.Dataset, typeof(IDatasetPlugin)),
        (PluginKind.Encoder, typeof(IEncoderPlugin)),
        (PluginKind.Loss, typeof(ILossPlugin)),
        (PluginKind.NegativeSampler, typeof(INegativeSamplerPlugin)),
        (PluginKind.Reranker, typeof(IRerankerPlugin)),
    ];

    /// <summary>The kebab-case name of a kind as the CLI and specs write it (<c>negative-sampler</c>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string ToName(PluginKind kind) => kind switch
    {
        PluginKind.Dataset => "dataset",
        PluginKind.Encoder => "encoder",
        PluginKind.Loss => "loss",
        PluginKind.NegativeSampler => "negative-sampler",
        PluginKind.Reranker => "reranker",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown plugin kind"),
    };

    /// <summary>Parses a kind name (<c>loss</c>, <c>negative-sampler</c>, ...).</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns>True when the name is a kind.</returns>
    public static bool TryParse(string name, out PluginKind kind)
    {
        foreach (var (k, _) in All)
        {
            if (string.Equals(ToName(k), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The kinds whose interfaces <paramref name="type"/> implements.</summary>
    /// <param name="type">A plugin type.</param>
    /// <returns>Zero or more kinds.</returns>
    public static IReadOnlyList<PluginKind> Implemented(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return All.Where(k => k.Interface.IsAssignableFrom(type)).Select(k => k.Kind).ToList();
    }
}
