using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;

namespace TermOverlap;

/// <summary>The plugin: metadata the host lists, and a factory for configured rerankers.</summary>
public sealed class TermOverlapRerankerPlugin : IRerankerPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "term-overlap",
        Kind: PluginKind.Reranker,
        Version: "1.0.0",
        Description: "Scores a candidate by the share of distinct query terms it contains.",
        Parameters: [ParameterSpec.Bool("lowercase", true, "Compare terms case-insensitively.")]);

    public IReranker Create(PluginParameters parameters, IPluginContext context) =>
        new TermOverlapReranker(parameters.GetBool("lowercase"));
}

/// <summary>The reranker itself: a pure function of the query and the candidates.</summary>
public sealed class TermOverlapReranker(bool lowercase) : IReranker
{
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
    {
        var queryTerms = Terms(query.Text);
        if (queryTerms.Count == 0)
        {
            return candidates.Select(_ => 0.0).ToList();
        }

        return candidates
            .Select(d => (double)Terms(d.FullText).Count(queryTerms.Contains) / queryTerms.Count)
            .ToList();
    }

    private HashSet<string> Terms(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => lowercase ? t.ToLowerInvariant() : t)
            .ToHashSet();
}
