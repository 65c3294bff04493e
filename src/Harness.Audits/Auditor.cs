using Harness.Audits.Integrity;
using Harness.Audits.Provenance;
using Harness.Audits.Reexecution;
using Harness.Results.Storage;
using MathNet.Numerics.Random;

namespace Harness.Audits;

/// <summary>Runs the audits of a results folder: integrity always, provenance when a source is given, reruns when asked.</summary>
public static class Auditor
{
    /// <summary>Audits a results folder.</summary>
    /// <param name="store">The folder.</param>
    /// <param name="options">Options.</param>
    /// <param name="provenance">What is available now (null: provenance not checked, reported as a warning).</param>
    /// <param name="rerunner">Reruns cells (required when <see cref="AuditOptions.Rerun"/> is not 0).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    public static async Task<AuditReport> RunAsync(ResultStore store, AuditOptions options, IProvenanceSource? provenance, ICellRerunner? rerunner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rerun != 0 && rerunner is null)
        {
            throw new InvalidOperationException("re-execution needs a cell rerunner");
        }

        var findings = new List<AuditFinding>();
        findings.AddRange(await IntegrityAudit.RunAsync(store, cancellationToken).ConfigureAwait(false));
        var cells = await store.CellsAsync(cancellationToken).ConfigureAwait(false);
        if (provenance is not null)
        {
            findings.AddRange(await ProvenanceAudit.RunAsync(cells, provenance, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            findings.Add(new AuditFinding(ProvenanceAudit.Check, AuditSeverity.Warning, null, null, "not checked (no plugin host)"));
        }

        var comparisons = new List<CellComparison>();
        if (options.Rerun != 0)
        {
            var chosen = Choose(cells.Where(c => c.IsComplete).ToList(), options.Rerun, options.Seed);
            var scratch = options.ScratchDirectory ?? Path.Combine(Path.GetTempPath(), "harness-audit-" + Guid.NewGuid().ToString("N"));
            foreach (var cell in chosen)
            {
                var root = Path.Combine(scratch, cell.CellId);
                CellComparison comparison;
                try
                {
                    var rerun = await rerunner!.RerunAsync(cell, root, cancellationToken).ConfigureAwait(false);
                    comparison = await RerunComparer.CompareAsync(cell, rerun, options.Tolerance, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidOperationException e)
                {
                    comparison = new CellComparison(cell.CellId, "-", [], null, [$"could not rerun: {e.Message}"]);
                }

                comparisons.Add(comparison);
                findings.Add(comparison.Passed
                    ? new AuditFinding("rerun", AuditSeverity.Pass, cell.CellId, null, $"reproduced ({comparison.Measures.Count} measures{(options.Tolerance == 0 ? ", exact" : $", tolerance {options.Tolerance:R}")})")
                    : new AuditFinding("rerun", AuditSeverity.Failure, cell.CellId, null, string.Join("; ", comparison.Failures)));
            }
        }

        return new AuditReport(store.Root, findings, comparisons, options);
    }

    /// <summary>A seeded choice of up to <paramref name="count"/> cells (partial Fisher-Yates), returned in cell id order.</summary>
    /// <param name="cells">The candidates (in cell id order).</param>
    /// <param name="count">How many (<see cref="AuditOptions.All"/> for every one).</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The chosen cells.</returns>
    public static IReadOnlyList<CellRecord> Choose(IReadOnlyList<CellRecord> cells, int count, long seed)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (count >= cells.Count)
        {
            return cells;
        }

        var pool = cells.ToArray();
        var random = new Xoshiro256StarStar(unchecked((int)seed ^ (int)(seed >> 32)), threadSafe: false);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return [.. pool.Take(count).OrderBy(c => c.CellId, StringComparer.Ordinal)];
    }
}
