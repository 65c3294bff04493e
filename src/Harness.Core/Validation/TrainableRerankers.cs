using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;
using Harness.Core.PluginHost;

namespace Harness.Core.Validation;

/// <summary>Whether a cell's reranker trains (a cross-encoder): the one rule the validators share.</summary>
internal static class TrainableRerankers
{
    /// <summary>
    /// True when the cell's reranker is loaded and declares itself trainable for the cell's parameters; false for
    /// unknown plugins and bad parameters (those are other validators' reports).
    /// </summary>
    public static bool Trains(PluginCatalog catalog, CellConfig cell)
    {
        if (catalog.Find(cell.Reranker.Id) is not { Plugin: IRerankerPlugin reranker })
        {
            return false;
        }

        try
        {
            return reranker.GetRequirements(PluginParameters.Resolve(reranker.Info.Parameters, cell.Reranker.Given)).Trainable;
        }
        catch (Exception e) when (e is PluginParameterException or FormatException or ArgumentException or InvalidCastException)
        {
            return false;
        }
    }
}
