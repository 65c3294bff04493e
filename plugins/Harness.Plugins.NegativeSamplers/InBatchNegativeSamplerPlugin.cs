using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>The <c>in-batch</c> plugin: <see cref="InBatchNegativeSampler"/> (no sampled negatives).</summary>
public sealed class InBatchNegativeSamplerPlugin : INegativeSamplerPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new(
        "in-batch",
        PluginKind.NegativeSampler,
        "1.0.0",
        "No sampled negatives: the other queries' candidates in the batch are the negatives (needs a loss with in-batch negatives).",
        [])
    {
        Citation = """
            @inproceedings{henderson2017efficient,
              title = {Efficient Natural Language Response Suggestion for Smart Reply},
              author = {Henderson, Matthew and Al-Rfou, Rami and Strope, Brian and Sung, Yun-Hsuan and Lukacs, Laszlo and Guo, Ruiqi and Kumar, Sanjiv and Miklos, Balint and Kurzweil, Ray},
              journal = {arXiv preprint arXiv:1705.00652},
              year = {2017}
            }
            """,
    };

    /// <inheritdoc />
    public SamplerRequirements GetRequirements(PluginParameters parameters) => new() { Needs = SamplerNeeds.InBatchOnly };

    /// <inheritdoc />
    public INegativeSampler Create(PluginParameters parameters, IPluginContext context) => new InBatchNegativeSampler();
}
