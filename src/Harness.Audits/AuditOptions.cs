namespace Harness.Audits;

/// <summary>What an audit does beyond integrity.</summary>
public sealed record AuditOptions
{
    /// <summary>Cells to rerun: 0 none, a positive number a seeded choice of that many complete cells, or <see cref="All"/>.</summary>
    public int Rerun { get; init; }

    /// <summary>The value of <see cref="Rerun"/> that means every complete cell.</summary>
    public const int All = int.MaxValue;

    /// <summary>Seed of the choice of cells to rerun.</summary>
    public long Seed { get; init; }

    /// <summary>Largest accepted difference in a rerun (0: exact).</summary>
    public double Tolerance { get; init; }

    /// <summary>Folder for reruns (each gets its own results folder below it).</summary>
    public string? ScratchDirectory { get; init; }
}
