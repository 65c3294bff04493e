using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Services;
using Harness.Data.Debian;

namespace Harness.Plugins.Datasets;

/// <summary>
/// The <c>debian-descriptions</c> dataset: real English text from Debian's package index. Query = a package's short
/// description, document = its long description, labelled positive = the package itself; packages of the same
/// source or with the same long description are hidden positives. Built once into the cache.
/// </summary>
public sealed class DebianDescriptionsDatasetPlugin : IDatasetPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "debian-descriptions",
        PluginKind.Dataset,
        "2.0.0",
        "Debian package descriptions (Packages + Translation-en): short description as query, long description as document; built once into the cache.",
        [
            ParameterSpec.String("index-dir", string.Empty, "apt lists directory holding *_Packages and *_i18n_Translation-en (default: <cache>/debian-index/lists, filled by scripts/fetch-debian-index.sh)."),
            ParameterSpec.Float("dev-fraction", 0.1, "Fraction of source packages whose queries go to dev.", 0.0, 0.99),
            ParameterSpec.Float("test-fraction", 0.1, "Fraction of source packages whose queries go to test.", 0.0, 0.99),
            ParameterSpec.Int("max-hidden-per-query", 100, "Most hidden positives (same source / same long description) kept per query; 0 keeps none.", 0, 100_000),
            ParameterSpec.Int("max-train-queries", 0, "Most training queries kept, whole source packages in hash order (a training budget; corpus, dev and test unchanged; 0 keeps all).", 0, int.MaxValue),
            ParameterSpec.Float("source-fraction", 1.0, "Fraction of source packages kept, drawn by a hash of the source name (a slice of the corpus and of every split; 1 keeps all).", 0.0, 1.0, exclusiveMin: true),
        ]);

    /// <summary>The default lists directory under a cache root.</summary>
    /// <param name="cacheRoot">The cache root.</param>
    /// <returns>The path.</returns>
    public static string DefaultIndexDirectory(string cacheRoot) => Path.Combine(cacheRoot, "debian-index", "lists");

    /// <inheritdoc />
    /// <exception cref="DatasetUnavailableException">The index has not been fetched; the message gives the command.</exception>
    public IDataset Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        var dir = DatasetPluginHelpers.ResolvePath(parameters.GetString("index-dir"));
        if (dir.Length == 0)
        {
            dir = DefaultIndexDirectory(context.CacheDirectory);
        }

        var options = new DebianDescriptionsOptions
        {
            DevFraction = parameters.GetDouble("dev-fraction"),
            TestFraction = parameters.GetDouble("test-fraction"),
            MaxHiddenPerQuery = parameters.GetInt("max-hidden-per-query"),
            SourceFraction = parameters.GetDouble("source-fraction"),
            MaxTrainQueries = parameters.GetInt("max-train-queries"),
        };
        if (options.DevFraction + options.TestFraction >= 1)
        {
            throw new PluginParameterException("dev-fraction + test-fraction must be less than 1");
        }

        DebianIndex index;
        try
        {
            index = DebianIndex.Find(dir);
        }
        catch (FileNotFoundException e)
        {
            throw new DatasetUnavailableException(e.Message, e);
        }

        return DebianDescriptionsBuilder.LoadOrBuild(index, options, context.Services.GetService(typeof(IPluginCache)) as IPluginCache, context.CancellationToken);
    }
}
