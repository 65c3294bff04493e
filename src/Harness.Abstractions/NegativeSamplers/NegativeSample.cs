namespace Harness.Abstractions.NegativeSamplers;

/// <summary>
/// The negatives chosen for one query, with optional per-negative metadata. Every metadata list, when set, has the
/// same length as <see cref="DocumentIds"/>.
/// </summary>
/// <param name="DocumentIds">Distinct corpus document ids, none of them a labelled positive of the query.</param>
/// <param name="Shortfall">Null when the requested count was returned; otherwise why fewer were returned.</param>
public sealed record NegativeSample(IReadOnlyList<string> DocumentIds, string? Shortfall = null)
{
    /// <summary>0-based rank of each negative in the pool it came from; -1 when unranked (random).</summary>
    public IReadOnlyList<int>? Ranks { get; init; }

    /// <summary>The mining model's score of each negative (NaN when unscored).</summary>
    public IReadOnlyList<double>? Scores { get; init; }

    /// <summary>Where each negative came from: <c>bm25</c>, <c>dense</c>, <c>random</c>, ...</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    /// <summary>The loss weight of each negative (soft denoising); null = 1. Finite, ≥ 0.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>
    /// Candidates considered and dropped as likely false negatives (a filter, a skip of the top ranks), so the host can
    /// score the filter against the hidden positives. Disjoint from <see cref="DocumentIds"/>.
    /// </summary>
    public IReadOnlyList<string>? Dropped { get; init; }

    /// <summary>The <see cref="Services.IDenseMiner.IndexVersion"/> the negatives were mined at (staleness), or null.</summary>
    public long? MinedAtModelVersion { get; init; }

    /// <summary>
    /// Checks the sample's own consistency: distinct ids, metadata lengths, Dropped disjoint from the ids, weights
    /// finite and ≥ 0, at most <paramref name="count"/> ids and a shortfall reason when fewer.
    /// </summary>
    /// <param name="count">The count that was asked for.</param>
    /// <returns>Null when consistent; otherwise what is wrong, as one line.</returns>
    public string? Check(int count)
    {
        if (DocumentIds is null)
        {
            return "DocumentIds is null";
        }

        if (DocumentIds.Count > count)
        {
            return $"asked for {count} negatives, got {DocumentIds.Count}";
        }

        if (DocumentIds.Count < count && string.IsNullOrWhiteSpace(Shortfall))
        {
            return $"asked for {count} negatives, got {DocumentIds.Count} and no Shortfall reason";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in DocumentIds)
        {
            if (!ids.Add(id))
            {
                return $"negative '{id}' appears twice";
            }
        }

        foreach (var (name, n) in new[] { ("Ranks", Ranks?.Count), ("Scores", Scores?.Count), ("Sources", Sources?.Count), ("Weights", Weights?.Count) })
        {
            if (n is { } length && length != DocumentIds.Count)
            {
                return $"{name} has {length} entries for {DocumentIds.Count} negatives";
            }
        }

        if (Weights is not null && Weights.Any(w => !double.IsFinite(w) || w < 0))
        {
            return "a weight is negative or not finite";
        }

        if (Dropped is not null)
        {
            var overlap = Dropped.Where(ids.Contains).Distinct(StringComparer.Ordinal).ToList();
            if (overlap.Count > 0)
            {
                return $"Dropped overlaps the negatives: {string.Join(", ", overlap.Take(5))}";
            }
        }

        return null;
    }
}
