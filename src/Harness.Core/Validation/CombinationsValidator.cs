using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;
using Harness.Core.PluginHost;

namespace Harness.Core.Validation;

/// <summary>
/// Impossible or pointless combinations: exclusions and a baseline naming plugins the matrix does not have, a matrix
/// left empty by its exclusions, a rerank depth beyond the retrieval depth, and (as warnings) cells that cannot
/// differ because nothing trains.
/// </summary>
public sealed class CombinationsValidator : IExperimentValidator
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        foreach (var rule in spec.Exclude)
        {
            foreach (var condition in rule.Conditions)
            {
                if (condition.Kind is { } kind)
                {
                    var entries = spec.EntriesOf(kind).Where(e => e.Id == condition.Id).ToList();
                    if (entries.Count == 0)
                    {
                        yield return ValidationProblem.Error(condition.Location, condition.KeyPath,
                            $"excludes {PluginKinds.ToName(kind)} '{condition.Id}', which is not in {SpecKeys.Lists.First(l => l.Kind == kind).Key}");
                        continue;
                    }

                    foreach (var (name, value) in condition.Parameters)
                    {
                        if (!entries.Any(e => e.Parameters.Any(p => p.Name == name)))
                        {
                            yield return ValidationProblem.Error(value.Location, $"{condition.KeyPath}.{condition.Id}.{name}",
                                $"the matrix never sets '{name}' of '{condition.Id}', so this exclusion matches nothing");
                        }
                    }
                }
                else if (condition.Seed is { } seed && !spec.Seeds.Contains(seed))
                {
                    yield return ValidationProblem.Error(condition.Location, condition.KeyPath, $"excludes seed {seed}, which is not in seeds");
                }
            }
        }

        foreach (var (kind, value) in spec.Baseline)
        {
            if (!spec.EntriesOf(kind).Any(e => e.Id == value.Text))
            {
                yield return ValidationProblem.Error(value.Location, $"baseline.{SpecKeys.Singular(kind)}",
                    $"'{value.Text}' is not in {SpecKeys.Lists.First(l => l.Kind == kind).Key}, so no cell can be the baseline");
            }
        }

        var allListed = Matrix.Kinds.All(k => spec.EntriesOf(k).Count > 0) && spec.Seeds.Count > 0;
        if (allListed && context.Cells.Count == 0)
        {
            yield return ValidationProblem.Error(spec.LocationOf("exclude"), "exclude",
                $"the exclusions remove all {Matrix.CountBeforeExclusions(spec)} cells: nothing would run");
        }

        if (spec.Eval.RerankDepth > spec.Eval.Depth && spec.EntriesOf(PluginKind.Reranker).Any(e => !e.IsNone))
        {
            yield return ValidationProblem.Warning(spec.LocationOf("eval.rerank_depth"), "eval.rerank_depth",
                $"{spec.Eval.RerankDepth} is deeper than eval.depth {spec.Eval.Depth}: only {spec.Eval.Depth} candidates can be reranked");
        }

        var epochs = spec.Train.FirstOrDefault(p => p.Name == "epochs");
        var neverTrains = epochs is null || epochs.Values.All(v => v.Text.Trim() == "0");
        if (neverTrains && context.Cells.Count > 0)
        {
            // A trainable reranker (a cross-encoder) learns from its cell's loss and sampler even when the encoder
            // does not train, so only the cells whose reranker does not train can be duplicates.
            var untrained = context.Cells.Where(c => !TrainableRerankers.Trains(context.Catalog, c)).ToList();
            var someTrain = untrained.Count < context.Cells.Count;
            var varying = new (Func<CellConfig, string> Of, string Key)[] { (c => c.Loss.Describe(), "losses"), (c => c.Sampler.Describe(), "samplers") }
                .Where(x => untrained.Select(x.Of).Distinct(StringComparer.Ordinal).Count() > 1).Select(x => x.Key).ToList();
            if (varying.Count > 0)
            {
                yield return ValidationProblem.Warning(epochs?.Location ?? spec.LocationOf("train"), "train.epochs",
                    someTrain
                        ? $"nothing trains but the rerankers (epochs 0), so cells without a trainable reranker that differ only in {string.Join(" and ", varying)} give identical metrics"
                        : $"nothing trains (epochs 0), so cells that differ only in {string.Join(" and ", varying)} give identical metrics");
            }
        }
    }
}
