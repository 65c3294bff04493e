using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;

namespace Harness.Core.Validation;

/// <summary>
/// Every parameter the spec sets is declared by its plugin (or is a <c>train:</c> key), and every value, each axis
/// value included, has the declared type and lies in the declared range (<see cref="ParameterSpec.Convert"/>).
/// </summary>
public sealed class ParametersValidator : IExperimentValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var kind in Matrix.Kinds)
        {
            foreach (var entry in context.Spec.EntriesOf(kind).Where(e => !e.IsNone))
            {
                if (context.Catalog.Find(entry.Id) is not { } plugin || plugin.Kind != kind)
                {
                    continue;
                }

                foreach (var problem in Check(entry.Parameters, plugin.Info.Parameters, $"plugin '{entry.Id}'"))
                {
                    yield return problem;
                }
            }
        }

        foreach (var problem in Check(context.Spec.Train, TrainingSettings.AllSpecs, "train"))
        {
            yield return problem;
        }
    }

    /// <summary>Checks given parameters against declared ones.</summary>
    /// <param name="given">The spec's parameters.</param>
    /// <param name="declared">The declared parameters.</param>
    /// <param name="owner">Who declares them, for messages.</param>
    /// <returns>Every problem.</returns>
    public static IEnumerable<ValidationProblem> Check(IReadOnlyList<SpecParameter> given, IReadOnlyList<ParameterSpec> declared, string owner)
    {
        foreach (var p in given)
        {
            var spec = declared.FirstOrDefault(d => d.Name == p.Name);
            if (spec is null)
            {
                yield return ValidationProblem.Error(p.Location, p.KeyPath, declared.Count == 0
                    ? $"unknown parameter: {owner} takes no parameters"
                    : $"unknown parameter of {owner} (known: {string.Join(", ", declared.Select(d => d.Name))})");
                continue;
            }

            for (var i = 0; i < p.Values.Count; i++)
            {
                string? error = null;
                try
                {
                    spec.Convert(p.Values[i].Text);
                }
                catch (FormatException e)
                {
                    error = e.Message;
                }

                if (error is not null)
                {
                    yield return ValidationProblem.Error(p.Values[i].Location, p.IsAxis ? $"{p.KeyPath}[{i}]" : p.KeyPath,
                        $"{error} ({spec.Type.ToString().ToLowerInvariant()}{Range(spec)})");
                }
            }
        }
    }

    private static string Range(ParameterSpec spec)
    {
        if (spec.Type == ParameterType.Choice)
        {
            return $": {string.Join(", ", spec.Choices)}";
        }

        if (spec.Minimum is null && spec.Maximum is null)
        {
            return string.Empty;
        }

        var low = spec.Minimum is { } min ? $"{(spec.ExclusiveMinimum ? ">" : ">=")} {ParameterSpec.Format(min)}" : null;
        var high = spec.Maximum is { } max ? $"<= {ParameterSpec.Format(max)}" : null;
        return ", " + string.Join(" and ", new[] { low, high }.Where(x => x is not null));
    }
}
