namespace Harness.Audits.Provenance;

/// <summary>What is available now, to hold against what the manifests recorded (the CLI fills it from the plugin host).</summary>
public interface IProvenanceSource
{
    /// <summary>The plugins the host can load now.</summary>
    IReadOnlyList<PluginFingerprint> Plugins { get; }

    /// <summary>Whether <see cref="DatasetContentHashAsync"/> is available (loading datasets can be skipped).</summary>
    bool ChecksDatasets { get; }

    /// <summary>Opens a dataset as recorded and returns its content hash now.</summary>
    /// <param name="id">Dataset plugin id.</param>
    /// <param name="parameters">Its canonical parameter string as recorded (<c>a=1,b=0.5</c>).</param>
    /// <param name="seed">The cell's seed (the runner opens datasets with it; a generator may depend on it).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The content hash.</returns>
    /// <exception cref="InvalidOperationException">The dataset cannot be opened now; the message says why.</exception>
    Task<string> DatasetContentHashAsync(string id, string parameters, long seed, CancellationToken cancellationToken);
}
