using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;

namespace Harness.Core.Validation;

/// <summary>
/// A trainable reranker (a cross-encoder) learns with the score stage of its cell's loss: a cell whose loss declares
/// none (<see cref="LossFeatures.Scores"/>) could only fail after its first stage had run, so it is reported at plan
/// time, at the reranker's entry.
/// </summary>
public sealed class RerankerTrainingValidator : IExperimentValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in context.Cells)
        {
            if (!TrainableRerankers.Trains(context.Catalog, cell)
                || context.Catalog.Find(cell.Loss.Id) is not { Plugin: ILossPlugin loss }
                || Capabilities(cell, loss) is not { } capabilities)
            {
                continue; // unknown plugins and bad parameters are the other validators' reports
            }

            if (capabilities.Has(LossFeatures.Scores) || !seen.Add($"{cell.Reranker.Entry.KeyPath}|{cell.Reranker.Describe()}|{cell.Loss.Describe()}"))
            {
                continue;
            }

            yield return ValidationProblem.Error(cell.Reranker.Entry.Location, cell.Reranker.Entry.KeyPath,
                $"reranker '{cell.Reranker.Describe()}' is trained with its cell's loss, but loss '{cell.Loss.Describe()}' has no score stage (it does not declare LossFeatures.Scores): pair it with a loss that has one, or exclude the combination");
        }
    }

    private static LossCapabilities? Capabilities(CellConfig cell, ILossPlugin loss)
    {
        try
        {
            return loss.GetCapabilities(PluginParameters.Resolve(loss.Info.Parameters, cell.Loss.Given));
        }
        catch (Exception e) when (e is PluginParameterException or FormatException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }
}
