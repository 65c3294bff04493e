using Harness.Evaluation.Internal.Preferences;

namespace Harness.Evaluation.Measures;

/// <summary>
/// prefs_avgjg, prefs_avgjg_ret, prefs_avgjg_imp (m_prefs_avgjg*.c): fulfilled / possible within each judgment group,
/// averaged over the query's groups (a group with nothing possible adds 0 but still counts in the mean).
/// </summary>
internal sealed class PrefsAvgjgMeasure : PreferenceMeasure
{
    private readonly PreferenceScope _scope;

    public PrefsAvgjgMeasure(PreferenceScope scope)
        : base(scope switch { PreferenceScope.Retrieved => "prefs_avgjg_ret", PreferenceScope.Implied => "prefs_avgjg_imp", _ => "prefs_avgjg" })
    {
        _scope = scope;
    }

    public override void ComputePreferences(PreferenceCounts p, Span<double> values)
    {
        var sum = 0.0;
        foreach (var g in p.Groups)
        {
            var ful = g.NumPrefsFulfilledRet;
            var poss = g.NumPrefsPossibleRet;
            if (_scope != PreferenceScope.Retrieved)
            {
                ful += g.NumPrefsFulfilledImp;
                poss += g.NumPrefsPossibleImp;
            }

            if (_scope == PreferenceScope.All)
            {
                poss += g.NumPrefsPossibleNotoccur;
            }

            if (poss != 0)
            {
                sum += (double)ful / poss;
            }
        }

        if (sum > 0.0)
        {
            values[0] = sum / p.Groups.Length;
        }
    }
}
