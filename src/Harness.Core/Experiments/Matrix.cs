using Harness.Abstractions.Plugins;

namespace Harness.Core.Experiments;

/// <summary>The matrix as data (BenchmarkDotNet's <c>Expand()</c>): the product of the axes and seeds, less the exclusions.</summary>
public static class Matrix
{
    /// <summary>
    /// Every cell of the spec: datasets × encoders × losses × samplers × rerankers × train axes × seeds, in that
    /// nesting order (seeds vary fastest), without the cells an <c>exclude:</c> rule matches.
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The cells, in a stable order.</returns>
    public static IReadOnlyList<CellConfig> Expand(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var choices = SpecKeys.Lists.Select(l => spec.EntriesOf(l.Kind).SelectMany(e => e.Expand()).ToList()).ToList();
        var trains = PluginEntry.Product(spec.Train).ToList();
        var cells = new List<CellConfig>();
        foreach (var dataset in choices[0])
        {
            foreach (var encoder in choices[1])
            {
                foreach (var loss in choices[2])
                {
                    foreach (var sampler in choices[3])
                    {
                        foreach (var reranker in choices[4])
                        {
                            foreach (var train in trains)
                            {
                                foreach (var seed in spec.Seeds)
                                {
                                    var cell = new CellConfig(dataset, encoder, loss, sampler, reranker, train, seed);
                                    if (!spec.Exclude.Any(r => r.Matches(cell)))
                                    {
                                        cells.Add(cell);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        return cells;
    }

    /// <summary>How many cells the spec has before exclusions (for messages).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The product of the axis lengths and seeds.</returns>
    public static long CountBeforeExclusions(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long n = spec.Seeds.Count * PluginEntry.Product(spec.Train).LongCount();
        foreach (var (_, kind, _) in SpecKeys.Lists)
        {
            n *= spec.EntriesOf(kind).Sum(e => (long)e.Expand().Count);
        }

        return n;
    }

    /// <summary>The plugin kinds in cell order.</summary>
    public static IReadOnlyList<PluginKind> Kinds { get; } = [.. SpecKeys.Lists.Select(l => l.Kind)];
}
