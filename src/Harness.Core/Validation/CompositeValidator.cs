namespace Harness.Core.Validation;

/// <summary>Runs several validators and concatenates what they find, in order.</summary>
/// <param name="validators">The validators.</param>
public sealed class CompositeValidator(params IExperimentValidator[] validators) : IExperimentValidator
{
    /// <summary>The validators <c>plan</c> and <c>run</c> use, cheapest first.</summary>
    public static CompositeValidator Default { get; } = new(
        new PluginsResolveValidator(),
        new ParametersValidator(),
        new CombinationsValidator(),
        new SamplerRequirementsValidator(),
        new RerankerTrainingValidator(),
        new DeviceAvailableValidator());

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context) =>
        validators.SelectMany(v => v.Validate(context));
}
