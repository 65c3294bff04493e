namespace Harness.Data.Debian;

/// <summary>How the <c>debian-descriptions</c> dataset is cut from the index.</summary>
public sealed record DebianDescriptionsOptions
{
    /// <summary>The fraction of source packages whose binary packages' queries go to dev.</summary>
    public double DevFraction { get; init; } = 0.1;

    /// <summary>The fraction of source packages whose binary packages' queries go to test.</summary>
    public double TestFraction { get; init; } = 0.1;

    /// <summary>
    /// The most hidden positives kept per query (siblings from the same source package and packages with the same
    /// long description; identical descriptions first, then siblings in ordinal order). 0 keeps none.
    /// </summary>
    public int MaxHiddenPerQuery { get; init; } = 100;

    /// <summary>
    /// The fraction of source packages kept (1 keeps the whole index). The slice is drawn by a hash of the source
    /// package name, independent of the split hash, so a smaller slice keeps each kept source whole (its binaries, its
    /// hidden positives) and keeps the train/dev/test proportions; a slice is a subset of every larger slice.
    /// </summary>
    public double SourceFraction { get; init; } = 1.0;

    /// <summary>
    /// The most training queries kept (0 keeps all): a training budget for expensive encoders. The queries kept are
    /// those whose source packages come first in the order of a hash of the source name (whole sources, so a kept
    /// query's hidden positives stay judged alike); the corpus, dev and test are unchanged.
    /// </summary>
    public int MaxTrainQueries { get; init; }

    /// <summary>A canonical text form for cache keys (the whole index keeps the key it had before slices existed).</summary>
    /// <returns>The text.</returns>
    public string ToKey() => FormattableString.Invariant($"dev={DevFraction:R};test={TestFraction:R};maxhidden={MaxHiddenPerQuery}")
        + (SourceFraction < 1 ? FormattableString.Invariant($";sources={SourceFraction:R}") : string.Empty)
        + (MaxTrainQueries > 0 ? FormattableString.Invariant($";maxtrain={MaxTrainQueries}") : string.Empty);
}
