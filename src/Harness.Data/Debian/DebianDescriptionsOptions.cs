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

    /// <summary>A canonical text form for cache keys.</summary>
    /// <returns>The text.</returns>
    public string ToKey() => FormattableString.Invariant($"dev={DevFraction:R};test={TestFraction:R};maxhidden={MaxHiddenPerQuery}");
}
