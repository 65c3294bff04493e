using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;

namespace HarnessPlugin1;

/// <summary>
/// The plugin: metadata, parameters and a factory. The host hands the reranker a query and its first-stage candidates
/// (with each candidate's rank and score per first-stage list in Score(RerankRequest), for fusion) and expects one
/// finite score per candidate, higher = better, deterministic for the same input. Prepare receives the training view
/// only (never hidden positives or dev/test judgments).
/// </summary>
public sealed class HarnessPlugin1Plugin : IRerankerPlugin
{
    public PluginInfo Info { get; } = new(
        Id: "harness-plugin-id",
        Kind: PluginKind.Reranker,
        Version: "1.0.0",
        Description: "Share of distinct query terms in a candidate's text, plus a weighted share in its title.",
        Parameters: [ParameterSpec.Float("title-weight", 0.5, "Weight of the title's share of query terms.", min: 0)]);

    public IReranker Create(PluginParameters parameters, IPluginContext context) =>
        new TitleWeightedCoverageReranker(parameters.GetDouble("title-weight"));
}

/// <summary>A pure function of the query and the candidates (lower-cased whitespace terms).</summary>
public sealed class TitleWeightedCoverageReranker(double titleWeight) : IReranker
{
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
    {
        var terms = Terms(query.Text);
        if (terms.Count == 0)
        {
            return candidates.Select(_ => 0.0).ToList();
        }

        return candidates
            .Select(d => Share(terms, d.Text) + (titleWeight * Share(terms, d.Title)))
            .ToList();
    }

    private static double Share(HashSet<string> queryTerms, string text) =>
        (double)Terms(text).Count(queryTerms.Contains) / queryTerms.Count;

    private static HashSet<string> Terms(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant()).ToHashSet();
}
