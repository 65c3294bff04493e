using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Core.PluginHost;
using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>
/// Reads a spec, validates it against the loaded plugins and resolves every cell (typed parameters, plugin hashes,
/// dataset content hashes, cell ids). Every problem is collected; nothing is written except the dataset probe cache.
/// </summary>
public static class ExperimentPlanner
{
    /// <summary>Plans a spec file.</summary>
    /// <param name="specPath">The spec.</param>
    /// <param name="catalog">The loaded plugins.</param>
    /// <param name="cacheRoot">The harness cache folder.</param>
    /// <param name="devices">The devices the run will use; null: the spec's device.</param>
    /// <param name="validator">The validators; null: <see cref="CompositeValidator.Default"/>.</param>
    /// <returns>The plan.</returns>
    public static ExperimentPlan Plan(string specPath, PluginCatalog catalog, string cacheRoot, IReadOnlyList<string>? devices = null, IExperimentValidator? validator = null)
    {
        var (spec, readProblems) = SpecReader.Read(specPath);
        return spec is null ? new ExperimentPlan(null, [], readProblems) : Plan(spec, readProblems, catalog, cacheRoot, devices, validator);
    }

    /// <summary>Plans a spec already read.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="readProblems">What the reader found.</param>
    /// <param name="catalog">The loaded plugins.</param>
    /// <param name="cacheRoot">The harness cache folder.</param>
    /// <param name="devices">The devices the run will use; null: the spec's device.</param>
    /// <param name="validator">The validators; null: <see cref="CompositeValidator.Default"/>.</param>
    /// <returns>The plan.</returns>
    public static ExperimentPlan Plan(ExperimentSpec spec, IReadOnlyList<ValidationProblem> readProblems, PluginCatalog catalog, string cacheRoot, IReadOnlyList<string>? devices = null, IExperimentValidator? validator = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<ValidationProblem>(readProblems);
        var configs = Matrix.Expand(spec);
        var context = new ValidationContext(spec, catalog, configs, devices ?? [spec.Device]);
        problems.AddRange((validator ?? CompositeValidator.Default).Validate(context));
        if (problems.Any(p => p.IsCritical))
        {
            return new ExperimentPlan(spec, [], problems);
        }

        var cells = new List<ExperimentCell>(configs.Count);
        var probes = new Dictionary<(PluginEntry, string, int), DatasetProbe?>();
        foreach (var config in configs)
        {
            var plugins = config.Choices.Select(c => Resolve(c, catalog)).ToList();
            var train = PluginParameters.Resolve(TrainingSettings.Specs, config.Train.Where(p => !TrainingSettings.IsRunKey(p.Key)).ToDictionary(p => p.Key, p => (object?)p.Value.Text, StringComparer.Ordinal));
            var run = CellRunSettings.From(PluginParameters.Resolve(TrainingSettings.RunSpecs, config.Train.Where(p => TrainingSettings.IsRunKey(p.Key)).ToDictionary(p => p.Key, p => (object?)p.Value.Text, StringComparer.Ordinal)));
            var dataset = plugins[0];
            var probeKey = (config.Dataset.Entry, dataset.Parameters.ToString(), config.Seed);
            if (!probes.TryGetValue(probeKey, out var probe))
            {
                probe = ProbeDataset(dataset, config, spec, train.GetInt("epochs"), cacheRoot, problems);
                probes[probeKey] = probe;
            }

            if (probe is null)
            {
                continue;
            }

            var cell = new ExperimentCell
            {
                Id = string.Empty,
                DisplayName = DisplayName(config, spec),
                Config = config,
                Dataset = dataset,
                Encoder = plugins[1],
                Loss = plugins[2],
                Sampler = plugins[3],
                Reranker = plugins[4],
                Train = train,
                Run = run,
                Eval = spec.Eval,
                Seed = config.Seed,
                DatasetContentHash = probe.ContentHash,
                Teacher = plugins[3].Plugin is { } sampler && Hosting.TeacherReference.Of(sampler.Info, plugins[3].Parameters) is { } teacher
                    ? Hosting.TeacherReference.Resolve(teacher.Text, catalog)
                    : null,
            };
            cells.Add(cell with { Id = CellId.Compute(cell.Canonical) });
        }

        foreach (var duplicate in cells.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            var cell = duplicate.Skip(1).First();
            problems.Add(ValidationProblem.Warning(cell.Config.Dataset.Entry.Location, null,
                $"{duplicate.Count()} cells resolve to the same configuration ({cell.DisplayName}); it runs once"));
        }

        var unique = cells.GroupBy(c => c.Id).Select(g => g.First()).ToList();
        var distinct = problems.Distinct().ToList();
        return new ExperimentPlan(spec, distinct.Any(p => p.IsCritical) ? [] : unique, distinct);
    }

    /// <summary>Resolves one plugin choice against the catalog (the spec must have passed validation).</summary>
    /// <param name="choice">The choice.</param>
    /// <param name="catalog">The plugins.</param>
    /// <returns>The resolved plugin.</returns>
    public static ResolvedPlugin Resolve(PluginChoice choice, PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(catalog);
        if (choice.Entry.IsNone)
        {
            return new ResolvedPlugin(PluginKind.Reranker, PluginEntry.NoReranker, "builtin", string.Empty, string.Empty, PluginParameters.Empty, null);
        }

        var loaded = catalog.Find(choice.Id) ?? throw new KeyNotFoundException($"no plugin '{choice.Id}'");
        var parameters = PluginParameters.Resolve(loaded.Info.Parameters, choice.Given);
        return new ResolvedPlugin(loaded.Kind, loaded.Id, loaded.Info.Version, loaded.SourcePath, AssemblyHashes.Of(loaded.SourcePath), parameters, loaded.Plugin);
    }

    /// <summary>A display name: the ids with the values of the spec's axes, then the seed.</summary>
    /// <param name="config">The cell.</param>
    /// <param name="spec">The spec (which training values are axes).</param>
    /// <returns>For example <c>synthetic hashed-bow infonce(temperature=0.02) random none lr=0.001 seed=1</c>.</returns>
    public static string DisplayName(CellConfig config, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(spec);
        var parts = config.Choices.Select(c => c.Describe()).ToList();
        parts.AddRange(config.Train.Where(t => spec.Train.Any(p => p.Name == t.Key && p.IsAxis)).Select(t => $"{t.Key}={t.Value.Text}"));
        parts.Add($"seed={config.Seed}");
        return string.Join(' ', parts);
    }

    private static DatasetProbe? ProbeDataset(ResolvedPlugin dataset, CellConfig config, ExperimentSpec spec, int epochs, string cacheRoot, List<ValidationProblem> problems)
    {
        var entry = config.Dataset.Entry;
        DatasetProbe probe;
        try
        {
            probe = DatasetProbe.Get(dataset, config.Seed, cacheRoot);
        }
        catch (DatasetUnavailableException e)
        {
            problems.Add(ValidationProblem.Error(entry.Location, entry.KeyPath, $"dataset '{entry.Id}' is not available on this machine: {e.Message}"));
            return null;
        }
        catch (PluginParameterException e)
        {
            problems.Add(ValidationProblem.Error(entry.Location, entry.KeyPath, $"dataset '{entry.Id}': {e.Message}"));
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add(ValidationProblem.Error(entry.Location, entry.KeyPath, $"dataset '{entry.Id}' cannot be loaded ({dataset.Describe()}, seed {config.Seed}): {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));
            return null;
        }

        var split = Enum.Parse<Split>(spec.Eval.Split, ignoreCase: true);
        if (probe.QueryCounts.GetValueOrDefault(split) == 0)
        {
            problems.Add(ValidationProblem.Error(spec.LocationOf("eval.split"), "eval.split", $"dataset '{entry.Id}' ({dataset.Describe()}) has no {spec.Eval.Split} queries"));
        }

        if (epochs > 0 && probe.QueryCounts.GetValueOrDefault(Split.Train) == 0)
        {
            problems.Add(ValidationProblem.Error(entry.Location, entry.KeyPath, $"dataset '{entry.Id}' has no train queries, so it cannot be trained on (epochs {epochs})"));
        }

        return probe;
    }
}
