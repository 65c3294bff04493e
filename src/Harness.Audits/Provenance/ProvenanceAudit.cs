using System.Text.Json.Nodes;
using Harness.Results.Storage;

namespace Harness.Audits.Provenance;

/// <summary>
/// Provenance: the plugin assemblies and dataset content hashes recorded in the manifests' <c>provenance</c> against
/// what is available now. Each distinct recorded plugin (id, version, assembly hash) and dataset (id, parameters,
/// hash, cell seed) is checked once and the finding says how many cells recorded it; every mismatch is named.
/// </summary>
public static class ProvenanceAudit
{
    /// <summary>The check's name in findings.</summary>
    public const string Check = "provenance";

    /// <summary>Runs the check over the cells that have a readable manifest.</summary>
    /// <param name="cells">The cells (from <see cref="ResultStore.CellsAsync"/>).</param>
    /// <param name="source">What is available now.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The findings.</returns>
    public static async Task<IReadOnlyList<AuditFinding>> RunAsync(IReadOnlyList<CellRecord> cells, IProvenanceSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(source);
        var findings = new List<AuditFinding>();
        var plugins = new SortedDictionary<string, (PluginFingerprint Recorded, List<string> Cells)>(StringComparer.Ordinal);
        var datasets = new SortedDictionary<string, (string Id, string Parameters, string Hash, long Seed, List<string> Cells)>(StringComparer.Ordinal);
        foreach (var cell in cells.Where(c => c.Manifest is not null))
        {
            var provenance = cell.Manifest!.Provenance;
            if (provenance is null)
            {
                findings.Add(new AuditFinding(Check, AuditSeverity.Failure, cell.CellId, "manifest.json", "no provenance recorded"));
                continue;
            }

            foreach (var p in (provenance["plugins"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var f = new PluginFingerprint(Text(p, "kind"), Text(p, "id"), Text(p, "version"), Text(p, "assembly"), Text(p, "sha256"));
                var key = $"{f.Id}\u0000{f.Version}\u0000{f.Sha256}\u0000{f.Assembly}";
                if (!plugins.TryGetValue(key, out var entry))
                {
                    plugins[key] = entry = (f, []);
                }

                entry.Cells.Add(cell.CellId);
            }

            foreach (var d in (provenance["datasets"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var (id, parameters, hash) = (Text(d, "id"), Text(d, "parameters"), Text(d, "content_hash"));
                var seed = cell.Manifest.Cell.Seed;
                var key = $"{id}\u0000{parameters}\u0000{hash}\u0000{seed:D20}";
                if (!datasets.TryGetValue(key, out var entry))
                {
                    datasets[key] = entry = (id, parameters, hash, seed, []);
                }

                entry.Cells.Add(cell.CellId);
            }
        }

        foreach (var (recorded, used) in plugins.Values)
        {
            var subject = $"plugin {recorded.Id}";
            var inCells = Cells(used);
            var now = source.Plugins.FirstOrDefault(p => p.Id == recorded.Id);
            if (now is null)
            {
                findings.Add(new AuditFinding(Check, AuditSeverity.Failure, null, subject, $"recorded {recorded.Version} ({recorded.Assembly}, SHA-256 {Short(recorded.Sha256)}) {inCells}; not available now"));
            }
            else if (!string.Equals(now.Sha256, recorded.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new AuditFinding(Check, AuditSeverity.Failure, null, subject, $"assembly {now.Assembly} now has SHA-256 {Short(now.Sha256)} (version {now.Version}); recorded {Short(recorded.Sha256)} (version {recorded.Version}) {inCells}"));
            }
            else
            {
                findings.Add(new AuditFinding(Check, AuditSeverity.Pass, null, subject, $"{recorded.Version}, {recorded.Assembly} SHA-256 {Short(recorded.Sha256)} matches {inCells}"));
            }
        }

        foreach (var (id, parameters, hash, seed, used) in datasets.Values)
        {
            var subject = $"dataset {id}({parameters}) seed {seed}";
            var inCells = Cells(used);
            if (!source.ChecksDatasets)
            {
                findings.Add(new AuditFinding(Check, AuditSeverity.Warning, null, subject, $"content hash {Short(hash)} {inCells} not checked (datasets skipped)"));
                continue;
            }

            try
            {
                var now = await source.DatasetContentHashAsync(id, parameters, seed, cancellationToken).ConfigureAwait(false);
                findings.Add(string.Equals(now, hash, StringComparison.OrdinalIgnoreCase)
                    ? new AuditFinding(Check, AuditSeverity.Pass, null, subject, $"content hash {Short(hash)} matches {inCells}")
                    : new AuditFinding(Check, AuditSeverity.Failure, null, subject, $"content hash now {Short(now)}; recorded {Short(hash)} {inCells}"));
            }
            catch (InvalidOperationException e)
            {
                findings.Add(new AuditFinding(Check, AuditSeverity.Failure, null, subject, $"cannot be opened now ({e.Message}); recorded {Short(hash)} {inCells}"));
            }
        }

        return findings;
    }

    private static string Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : o[key]?.ToJsonString() ?? "?";

    private static string Cells(List<string> cells) =>
        cells.Count == 1 ? $"in cell {cells[0]}" : $"in {cells.Count} cells (first {cells.Min(StringComparer.Ordinal)})";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
