using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Rerankers;
using Harness.Core.Experiments;
using Harness.Core.Hosting;

namespace Harness.Core.Validation;

/// <summary>
/// Checks what each cell's negative sampler declares it needs (Contract 2.0 <see cref="SamplerRequirements"/>) against
/// what the runner gives a cell: a BM25 index always, the dense miner over the encoder being trained when the cell
/// trains, the teacher reranker the sampler names (resolved and trained by the cell). The availability rules are <see cref="SamplerServicesFactory"/>'s own, so plan refuses
/// exactly what a cell would fail on; declarations that make no sense for the cell's epochs are warnings.
/// </summary>
public sealed class SamplerRequirementsValidator : IExperimentValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in context.Cells)
        {
            if (context.Catalog.Find(cell.Sampler.Id) is not { Plugin: INegativeSamplerPlugin plugin }
                || Resolve(cell, plugin) is not { } resolved)
            {
                continue; // unknown plugins and bad parameters are the other validators' reports
            }

            var (requirements, epochs, parameters) = resolved;
            var entry = cell.Sampler.Entry;
            if (!seen.Add($"{entry.KeyPath}|{cell.Sampler.Describe()}|{epochs}"))
            {
                continue;
            }

            var owner = $"negative-sampler '{cell.Sampler.Describe()}'";
            if (epochs == 0)
            {
                if (requirements.Has(SamplerNeeds.DenseMiner) || requirements.Refresh != RefreshPolicy.None)
                {
                    yield return ValidationProblem.Warning(entry.Location, entry.KeyPath,
                        $"{owner} mines negatives with the encoder being trained, but epochs is 0: nothing trains, so it is never used");
                }

                continue;
            }

            // The teacher the sampler names is resolved here as the planner will (its parameters checked).
            IReranker? teacher = null;
            string? unavailable = null;
            if (TeacherReference.Of(plugin.Info, parameters) is { } reference)
            {
                try
                {
                    TeacherReference.Resolve(reference.Text, context.Catalog);
                    teacher = PlannedTeacher.Instance;
                }
                catch (FormatException e)
                {
                    unavailable = $"{owner}: parameter '{reference.Parameter}': {e.Message}";
                }
            }

            if (unavailable is null)
            {
                try
                {
                    // Placeholders stand for the services the cell would create; only the factory's rules are exercised.
                    SamplerServicesFactory.Create(cell.Sampler.Id, requirements, static () => null!, static () => null!, teacher);
                }
                catch (HostServiceUnavailableException e)
                {
                    unavailable = e.Message;
                }
            }

            if (unavailable is not null)
            {
                yield return ValidationProblem.Error(entry.Location, entry.KeyPath, unavailable);
                continue;
            }

            if (requirements.Refresh == RefreshPolicy.EveryEpochs && requirements.RefreshInterval >= epochs)
            {
                yield return ValidationProblem.Warning(entry.Location, entry.KeyPath,
                    $"{owner} refreshes its index every {requirements.RefreshInterval} epochs, but the cell trains {epochs}: it never refreshes");
            }

            if (requirements.WarmupEpochs >= epochs)
            {
                yield return ValidationProblem.Warning(entry.Location, entry.KeyPath,
                    $"{owner} warms up for {requirements.WarmupEpochs} epochs, but the cell trains {epochs}: its mined negatives are never used");
            }
        }
    }

    private static (SamplerRequirements Requirements, int Epochs, PluginParameters Parameters)? Resolve(CellConfig cell, INegativeSamplerPlugin plugin)
    {
        try
        {
            var parameters = PluginParameters.Resolve(plugin.Info.Parameters, cell.Sampler.Given);
            var train = PluginParameters.Resolve(TrainingSettings.Specs, cell.Train.Where(p => !TrainingSettings.IsRunKey(p.Key)).ToDictionary(p => p.Key, p => (object?)p.Value.Text, StringComparer.Ordinal));
            return (plugin.GetRequirements(parameters), train.GetInt("epochs"), parameters);
        }
        catch (Exception e) when (e is PluginParameterException or FormatException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    /// <summary>Stands for the trained teacher at plan time (never scores).</summary>
    private sealed class PlannedTeacher : IReranker
    {
        public static PlannedTeacher Instance { get; } = new();

        public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates) =>
            throw new InvalidOperationException("a planned teacher does not score");
    }
}
