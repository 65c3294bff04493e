using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;

namespace Harness.Core.Hosting;

/// <summary>
/// Checks what a sampler returned before it reaches a batch: the sample's own consistency
/// (<see cref="NegativeSample.Check"/>: count or a reason, distinct ids, metadata lengths, Dropped disjoint from the
/// negatives), corpus ids only, and no labelled positive. A violation is one line naming the plugin and the query.
/// </summary>
public static class SamplerOutputValidator
{
    /// <summary>Validates one sample.</summary>
    /// <param name="pluginId">The sampler plugin's id.</param>
    /// <param name="query">The query it was asked about.</param>
    /// <param name="sample">What it returned.</param>
    /// <param name="count">The count asked for.</param>
    /// <param name="training">The training view (corpus ids, the positive grade).</param>
    /// <returns>Null when valid, otherwise the line.</returns>
    public static string? Validate(string pluginId, Query query, NegativeSample? sample, int count, ITrainingData training)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(training);
        string? problem;
        if (sample is null)
        {
            problem = "returned no sample";
        }
        else
        {
            problem = sample.Check(count)
                ?? sample.DocumentIds.Concat(sample.Dropped ?? []).Where(d => training.IndexOf(d) < 0).Select(d => $"returned '{d}', which is not in the corpus").FirstOrDefault()
                ?? sample.DocumentIds.Where(d => training.IsLabelledPositive(query.Id, d)).Select(d => $"returned the labelled positive '{d}' as a negative").FirstOrDefault();
        }

        return problem is null ? null : $"negative-sampler '{pluginId}': query '{query.Id}': {problem}";
    }
}
