using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Fixtures.SharedLibrary;

namespace Harness.Fixtures.VersionConflictPlugin;

/// <summary>A loader fixture whose description names the version and file of the shared library it sees.</summary>
public sealed class SharedLibraryReportPlugin : IDatasetPlugin
{
    /// <inheritdoc />
    public PluginInfo Info { get; } = new("fixture-version-conflict", PluginKind.Dataset, "0.1.0", $"sees Harness.Fixtures.SharedLibrary {SharedLibraryInfo.Version} from {SharedLibraryInfo.Location}", []);

    /// <inheritdoc />
    public IDataset Create(PluginParameters parameters, IPluginContext context) => throw new NotSupportedException();
}
