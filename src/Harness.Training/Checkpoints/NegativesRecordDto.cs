using Harness.Abstractions.NegativeSamplers;

namespace Harness.Training.Checkpoints;

/// <summary>A <see cref="NegativesRecord"/> as JSON (the sampler's output flattened to plain members).</summary>
internal sealed record NegativesRecordDto(
    int Epoch,
    long Step,
    string QueryId,
    List<string> PositiveIds,
    List<string> DocumentIds,
    string? Shortfall,
    bool Used,
    List<int>? Ranks,
    List<double>? Scores,
    List<string>? Sources,
    List<double>? Weights,
    List<string>? Dropped,
    long? MinedAtModelVersion)
{
    public static NegativesRecordDto From(NegativesRecord r) => new(
        r.Epoch,
        r.Step,
        r.QueryId,
        [.. r.PositiveIds],
        [.. r.Sample.DocumentIds],
        r.Sample.Shortfall,
        r.Used,
        r.Sample.Ranks?.ToList(),
        r.Sample.Scores?.ToList(),
        r.Sample.Sources?.ToList(),
        r.Sample.Weights?.ToList(),
        r.Sample.Dropped?.ToList(),
        r.Sample.MinedAtModelVersion);

    public NegativesRecord ToRecord() => new(
        Epoch,
        Step,
        QueryId,
        PositiveIds,
        new NegativeSample(DocumentIds, Shortfall)
        {
            Ranks = Ranks,
            Scores = Scores,
            Sources = Sources,
            Weights = Weights,
            Dropped = Dropped,
            MinedAtModelVersion = MinedAtModelVersion,
        },
        Used);
}
