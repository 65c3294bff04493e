using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Data.Synthetic;

namespace Harness.Plugins.Datasets;

/// <summary>The <c>synthetic</c> dataset: a seeded topical corpus with graded relevance and controllable false negatives.</summary>
public sealed class SyntheticDatasetPlugin : IDatasetPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "synthetic",
        PluginKind.Dataset,
        "2.0.0",
        "Generates a deterministic topical corpus (1k to 10M documents, generated lazily) with graded relevance and a false-negative rate recorded as hidden positives.",
        [
            ParameterSpec.Int("docs", 10_000, "Number of documents.", 1, 10_000_000),
            ParameterSpec.Int("queries", 1_000, "Number of queries over all splits.", 1, 10_000_000),
            ParameterSpec.Int("vocab", 20_000, "Vocabulary size.", 100, 5_000_000),
            ParameterSpec.Int("topics", 50, "Number of topics (at most vocab/10).", 1, 500_000),
            ParameterSpec.Int("relevant-per-query", 5, "Relevant documents per query (queries × this ≤ docs).", 1, 1_000),
            ParameterSpec.Int("max-grade", 3, "Highest relevance grade (grades are 1..max-grade).", 1, 10),
            ParameterSpec.Int("doc-length", 40, "Mean document length in words.", 5, 10_000),
            ParameterSpec.Int("query-length", 5, "Query length in words.", 2, 100),
            ParameterSpec.Float("false-negative-rate", 0.0, "Fraction of training relevant pairs left out of the qrels and recorded as hidden positives.", 0.0, 0.99),
            ParameterSpec.Float("dev-fraction", 0.1, "Fraction of queries in dev.", 0.0, 0.99),
            ParameterSpec.Float("test-fraction", 0.1, "Fraction of queries in test.", 0.0, 0.99),
            ParameterSpec.Int("seed", -1, "Generator seed; -1 uses the experiment's seed."),
        ]);

    /// <summary>Maps resolved parameters to generator options.</summary>
    /// <param name="parameters">Resolved parameters.</param>
    /// <param name="contextSeed">The experiment seed (used when seed is -1).</param>
    /// <returns>The options.</returns>
    public static SyntheticOptions ToOptions(PluginParameters parameters, int contextSeed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var seed = parameters.GetInt("seed");
        return new SyntheticOptions
        {
            Documents = parameters.GetInt("docs"),
            Queries = parameters.GetInt("queries"),
            VocabularySize = parameters.GetInt("vocab"),
            Topics = parameters.GetInt("topics"),
            RelevantPerQuery = parameters.GetInt("relevant-per-query"),
            MaxGrade = parameters.GetInt("max-grade"),
            DocumentLength = parameters.GetInt("doc-length"),
            QueryLength = parameters.GetInt("query-length"),
            FalseNegativeRate = parameters.GetDouble("false-negative-rate"),
            DevFraction = parameters.GetDouble("dev-fraction"),
            TestFraction = parameters.GetDouble("test-fraction"),
            Seed = seed == -1 ? contextSeed : seed,
        };
    }

    /// <inheritdoc />
    public IDataset Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = ToOptions(parameters, context.Seed);
        var problems = options.Validate();
        return problems.Count > 0 ? throw new PluginParameterException(problems) : new SyntheticDataset(options);
    }
}
