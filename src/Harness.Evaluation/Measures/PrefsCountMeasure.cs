using Harness.Evaluation.Internal.Preferences;

namespace Harness.Evaluation.Measures;

/// <summary>
/// prefs_num_prefs_poss (every preference, m_prefs_num_prefs_poss.c), prefs_num_prefs_ful (fulfilled, retrieved or
/// implied) and prefs_num_prefs_ful_ret (fulfilled among retrieved documents). Counts; the summary is their sum.
/// </summary>
internal sealed class PrefsCountMeasure : PreferenceMeasure
{
    private readonly Func<JudgmentGroup, long> _count;

    private PrefsCountMeasure(string name, Func<JudgmentGroup, long> count)
        : base(name)
    {
        _count = count;
    }

    public static PrefsCountMeasure Possible { get; } =
        new("prefs_num_prefs_poss", static g => g.NumPrefsPossibleRet + g.NumPrefsPossibleImp + g.NumPrefsPossibleNotoccur);

    public static PrefsCountMeasure Fulfilled { get; } =
        new("prefs_num_prefs_ful", static g => g.NumPrefsFulfilledRet + g.NumPrefsFulfilledImp);

    public static PrefsCountMeasure FulfilledRetrieved { get; } = new("prefs_num_prefs_ful_ret", static g => g.NumPrefsFulfilledRet);

    public override MeasureValueKind Kind => MeasureValueKind.Count;

    public override MeasureAggregation Aggregation => MeasureAggregation.Sum;

    public override void ComputePreferences(PreferenceCounts p, Span<double> values)
    {
        long n = 0;
        foreach (var g in p.Groups)
        {
            n += _count(g);
        }

        values[0] = n;
    }
}
