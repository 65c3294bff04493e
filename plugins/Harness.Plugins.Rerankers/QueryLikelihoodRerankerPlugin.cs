using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;

namespace Harness.Plugins.Rerankers;

/// <summary>The <c>query-likelihood</c> plugin: <see cref="QueryLikelihoodReranker"/>.</summary>
public sealed class QueryLikelihoodRerankerPlugin : IRerankerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "query-likelihood",
        PluginKind.Reranker,
        "2.0.0",
        "Lexical reranker: query likelihood under a Dirichlet-smoothed document language model.",
        [ParameterSpec.Float("mu", 2000, "Dirichlet prior μ (larger trusts the collection model more).", min: 0, exclusiveMin: true)])
    {
        Citation = """
            @inproceedings{zhai2001smoothing,
              title = {A Study of Smoothing Methods for Language Models Applied to Ad Hoc Information Retrieval},
              author = {Zhai, Chengxiang and Lafferty, John},
              booktitle = {Proceedings of the 24th Annual International ACM SIGIR Conference},
              pages = {334--342},
              year = {2001}
            }
            """,
    };

    /// <inheritdoc />
    public IReranker Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new QueryLikelihoodReranker(parameters.GetDouble("mu"));
    }
}
