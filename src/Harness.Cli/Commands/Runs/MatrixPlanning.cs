using System.CommandLine;
using Harness.Abstractions.Plugins;
using Harness.Core.Experiments;
using Harness.Core.PluginHost;

namespace Harness.Cli.Commands.Runs;

/// <summary>What the matrix verbs share: the SPEC argument, loading plugins, planning and printing every problem.</summary>
internal static class MatrixPlanning
{
    /// <summary>The spec <c>harness run</c> uses when none is given.</summary>
    public const string DefaultSpec = "benchmarks/matrices/quickstart.yaml";

    public static Argument<string> Spec() => new("SPEC") { Description = "The matrix spec (YAML)." };

    public static Argument<string?> OptionalSpec() => new("SPEC")
    {
        Description = $"The matrix spec (YAML); default {DefaultSpec}.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Option<string?> Out(string what) => new("--out") { Description = what, HelpName = "DIR" };

    /// <summary>The default results folder of a matrix: results/NAME.</summary>
    public static string DefaultOut(ExperimentSpec spec) => Path.GetFullPath(Path.Combine("results", spec.Name));

    /// <summary>
    /// Loads plugins and plans the spec; prints every problem (stderr) and returns null when any is critical or the
    /// spec cannot be found.
    /// </summary>
    public static ExperimentPlan? Plan(string specPath, string[]? pluginDirs, IReadOnlyList<string>? devices, TextWriter stderr, bool quietWarnings = false)
    {
        if (!File.Exists(specPath))
        {
            stderr.WriteLine($"harness: spec '{specPath}' does not exist");
            return null;
        }

        var catalog = PluginOptions.LoadCatalog(pluginDirs, quietWarnings ? TextWriter.Null : stderr);
        if (catalog is null)
        {
            return null;
        }

        var plan = ExperimentPlanner.Plan(specPath, catalog, PluginContext.DefaultCacheDirectory(), devices);
        foreach (var problem in plan.Problems.Where(p => p.IsCritical || !quietWarnings))
        {
            stderr.WriteLine(problem.ToString());
        }

        if (!plan.IsValid)
        {
            var errors = plan.Problems.Count(p => p.IsCritical);
            stderr.WriteLine($"harness: {errors} problem{(errors == 1 ? string.Empty : "s")} in {SpecReader.DisplayPath(specPath)}; nothing was run or written");
            return null;
        }

        return plan;
    }

    /// <summary>The catalog the spec's plan used (for the lock verb).</summary>
    public static PluginCatalog? Catalog(string[]? pluginDirs, TextWriter stderr) => PluginOptions.LoadCatalog(pluginDirs, stderr);
}
