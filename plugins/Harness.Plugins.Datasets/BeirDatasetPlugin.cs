using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Data.Formats;

namespace Harness.Plugins.Datasets;

/// <summary>The <c>beir</c> dataset: a folder in the BEIR layout (corpus.jsonl, queries.jsonl, qrels/{train,dev,test}.tsv).</summary>
public sealed class BeirDatasetPlugin : IDatasetPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "beir",
        PluginKind.Dataset,
        "2.0.0",
        "Loads a BEIR-format folder: corpus.jsonl, queries.jsonl and qrels/{train,dev,test}.tsv (optionally .gz/.lz4/.xz).",
        [
            ParameterSpec.String("path", string.Empty, "The BEIR folder (required)."),
            ParameterSpec.String("name", string.Empty, "Display name (default: the folder name)."),
        ])
    {
        Citation = "@inproceedings{thakur2021beir, title={{BEIR}: A Heterogeneous Benchmark for Zero-shot Evaluation of Information Retrieval Models}, author={Thakur, Nandan and Reimers, Nils and R{\\\"u}ckl{\\'e}, Andreas and Srivastava, Abhishek and Gurevych, Iryna}, booktitle={NeurIPS Datasets and Benchmarks Track}, year={2021}}",
    };

    /// <inheritdoc />
    public IDataset Create(PluginParameters parameters, IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(context);
        var path = DatasetPluginHelpers.RequirePath(parameters, "path");
        var name = parameters.GetString("name");
        return BeirReader.Load(path, name.Length == 0 ? null : name, context.CancellationToken);
    }
}
