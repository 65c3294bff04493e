using Harness.Abstractions.Sampling;

namespace Harness.Training.Checkpoints;

/// <summary>A <see cref="NegativesRecord"/> as JSON (the sampler's output flattened to plain members).</summary>
internal sealed record NegativesRecordDto(int Epoch, long Step, string QueryId, List<string> PositiveIds, List<string> DocumentIds, string? Shortfall, bool Used)
{
    public static NegativesRecordDto From(NegativesRecord r) =>
        new(r.Epoch, r.Step, r.QueryId, [.. r.PositiveIds], [.. r.Sample.DocumentIds], r.Sample.Shortfall, r.Used);

    public NegativesRecord ToRecord() => new(Epoch, Step, QueryId, PositiveIds, new NegativeSample(DocumentIds, Shortfall), Used);
}
