using Harness.Core.Running;

namespace Harness.Core.Validation;

/// <summary>Cells that train need a training engine in this build (<see cref="CellPipeline.CanTrain"/>).</summary>
public sealed class TrainingAvailableValidator : IExperimentValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CellPipeline.CanTrain)
        {
            yield break;
        }

        var epochs = context.Spec.Train.FirstOrDefault(p => p.Name == "epochs");
        foreach (var value in epochs?.Values.Where(v => v.Text.Trim() != "0") ?? [])
        {
            yield return ValidationProblem.Error(value.Location, epochs!.KeyPath,
                $"epochs {value.Text}: this build has no training engine yet (Harness.Training); only epochs: 0 cells (retrieve and evaluate) can run");
        }
    }
}
