using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Data.Formats;

namespace Harness.Plugins.Datasets;

/// <summary>The <c>trec</c> dataset: a collection TSV, topics TSVs and qrels per split (MS MARCO passage layout).</summary>
public sealed class TrecDatasetPlugin : IDatasetPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "trec",
        PluginKind.Dataset,
        "2.0.0",
        "Loads TREC-style files: a collection TSV (id<TAB>text), topics TSVs (qid<TAB>text) and qrels (qid iter docno rel) per split; covers the MS MARCO passage files.",
        [
            ParameterSpec.String("collection", string.Empty, "Collection TSV: id<TAB>text or id<TAB>title<TAB>text (required)."),
            ParameterSpec.String("train-topics", string.Empty, "Training topics TSV (optional)."),
            ParameterSpec.String("train-qrels", string.Empty, "Training qrels (optional)."),
            ParameterSpec.String("dev-topics", string.Empty, "Dev topics TSV (optional)."),
            ParameterSpec.String("dev-qrels", string.Empty, "Dev qrels (optional)."),
            ParameterSpec.String("test-topics", string.Empty, "Test topics TSV (optional)."),
            ParameterSpec.String("test-qrels", string.Empty, "Test qrels (optional)."),
            ParameterSpec.String("name", "trec", "Display name."),
        ]);

    /// <inheritdoc />
    public IDataset Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        var topics = new Dictionary<Split, string>();
        var qrels = new Dictionary<Split, string>();
        var errors = new List<string>();
        foreach (var split in new[] { Split.Train, Split.Dev, Split.Test })
        {
            var s = split.ToString().ToLowerInvariant();
            var t = DatasetPluginHelpers.ResolvePath(parameters.GetString(s + "-topics"));
            var q = DatasetPluginHelpers.ResolvePath(parameters.GetString(s + "-qrels"));
            if (t.Length > 0 != q.Length > 0)
            {
                errors.Add($"parameters '{s}-topics' and '{s}-qrels' must be given together");
            }
            else if (t.Length > 0)
            {
                topics[split] = t;
                qrels[split] = q;
            }
        }

        if (parameters.GetString("collection").Length == 0)
        {
            errors.Add("parameter 'collection' is required");
        }

        if (topics.Count == 0)
        {
            errors.Add("at least one split needs topics and qrels");
        }

        if (errors.Count > 0)
        {
            throw new PluginParameterException(errors);
        }

        var files = new TrecFiles(DatasetPluginHelpers.RequirePath(parameters, "collection"), topics, qrels);
        return TrecReader.Load(files, parameters.GetString("name"), context.CancellationToken);
    }
}
