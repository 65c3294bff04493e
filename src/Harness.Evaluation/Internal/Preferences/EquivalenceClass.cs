namespace Harness.Evaluation.Internal.Preferences;

/// <summary>
/// trec_format.h EC: the documents of one judgment sub group that share a rel_level. Their docid ranks are
/// <see cref="PreferenceCounts.RankPool"/>[<see cref="Start"/>..<see cref="Start"/>+<see cref="Count"/>), ascending.
/// </summary>
internal struct EquivalenceClass
{
    public double RelLevel;
    public long Count;
    public int Start;
}
