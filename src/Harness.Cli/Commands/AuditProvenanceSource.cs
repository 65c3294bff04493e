using System.Security.Cryptography;
using Harness.Abstractions.Datasets;
using Harness.Abstractions.Plugins;
using Harness.Audits.Provenance;
using Harness.Core.PluginHost;

namespace Harness.Cli.Commands;

/// <summary>What <c>harness audit</c> holds the recorded provenance against: the plugins on the search path now (their
/// assembly files hashed) and, unless skipped, the datasets opened with the recorded parameters.</summary>
internal sealed class AuditProvenanceSource : IProvenanceSource
{
    private readonly PluginCatalog _catalog;

    public AuditProvenanceSource(PluginCatalog catalog, bool checkDatasets)
    {
        _catalog = catalog;
        ChecksDatasets = checkDatasets;
        Plugins = [.. catalog.Plugins.Select(p => new PluginFingerprint(
            PluginKinds.ToName(p.Kind),
            p.Id,
            p.Info.Version,
            Path.GetFileName(p.SourcePath),
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p.SourcePath)))))];
    }

    public IReadOnlyList<PluginFingerprint> Plugins { get; }

    public bool ChecksDatasets { get; }

    public Task<string> DatasetContentHashAsync(string id, string parameters, long seed, CancellationToken cancellationToken)
    {
        IDatasetPlugin plugin;
        try
        {
            plugin = _catalog.Get<IDatasetPlugin>(id);
        }
        catch (KeyNotFoundException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parameters.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new InvalidOperationException($"recorded parameters '{parameters}' are not NAME=VALUE,...");
            }

            given[part[..eq]] = part[(eq + 1)..];
        }

        try
        {
            var resolved = PluginParameters.Resolve(plugin.Info.Parameters, given);
            var dataset = plugin.Create(resolved, new PluginContext(unchecked((int)seed)) { CancellationToken = cancellationToken });
            try
            {
                return Task.FromResult(dataset.ContentHash);
            }
            finally
            {
                (dataset as IDisposable)?.Dispose();
            }
        }
        catch (Exception e) when (e is PluginParameterException or DatasetUnavailableException or IOException or InvalidDataException)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
