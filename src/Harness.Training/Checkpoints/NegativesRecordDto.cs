using Harness.Abstractions.NegativeSamplers;

namespace Harness.Training.Checkpoints;

/// <summary>
/// A <see cref="NegativesRecord"/> as JSON (the sampler's output flattened to plain members). Keeps what the host's
/// false-negative accounting reads (ranks, dropped candidates), so a resumed run is accounted like an uninterrupted one.
/// </summary>
internal sealed record NegativesRecordDto(int Epoch, long Step, string QueryId, List<string> PositiveIds, List<string> DocumentIds, string? Shortfall, bool Used, int MicroBatch = 0, List<int>? Ranks = null, List<string>? Dropped = null)
{
    public static NegativesRecordDto From(NegativesRecord r) =>
        new(r.Epoch, r.Step, r.QueryId, [.. r.PositiveIds], [.. r.Sample.DocumentIds], r.Sample.Shortfall, r.Used, r.MicroBatch, r.Sample.Ranks?.ToList(), r.Sample.Dropped?.ToList());

    public NegativesRecord ToRecord() => new(Epoch, Step, QueryId, PositiveIds, new NegativeSample(DocumentIds, Shortfall) { Ranks = Ranks, Dropped = Dropped }, Used, MicroBatch);
}
