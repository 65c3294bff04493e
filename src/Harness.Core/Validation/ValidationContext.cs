using Harness.Core.Experiments;
using Harness.Core.PluginHost;

namespace Harness.Core.Validation;

/// <summary>What validators look at: the spec, the loaded plugins, the expanded cells and the devices asked for.</summary>
/// <param name="Spec">The spec.</param>
/// <param name="Catalog">The loaded plugins.</param>
/// <param name="Cells">The expanded cells (before resolution).</param>
/// <param name="Devices">The devices the run will use (from the spec, or <c>--devices</c>).</param>
public sealed record ValidationContext(ExperimentSpec Spec, PluginCatalog Catalog, IReadOnlyList<CellConfig> Cells, IReadOnlyList<string> Devices);
