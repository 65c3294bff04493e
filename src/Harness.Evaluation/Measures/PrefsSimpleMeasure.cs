using Harness.Evaluation.Internal.Preferences;

namespace Harness.Evaluation.Measures;

/// <summary>
/// prefs_simp, prefs_simp_ret, prefs_simp_imp (m_prefs_simp*.c): preferences fulfilled / preferences possible, summed
/// over the query's judgment groups (a preference confirmed by two groups counts twice); 0 when none is possible.
/// </summary>
internal sealed class PrefsSimpleMeasure : PreferenceMeasure
{
    private readonly PreferenceScope _scope;

    public PrefsSimpleMeasure(PreferenceScope scope)
        : base(scope switch { PreferenceScope.Retrieved => "prefs_simp_ret", PreferenceScope.Implied => "prefs_simp_imp", _ => "prefs_simp" })
    {
        _scope = scope;
    }

    public override void ComputePreferences(PreferenceCounts p, Span<double> values)
    {
        long ful = 0;
        long poss = 0;
        foreach (var g in p.Groups)
        {
            ful += g.NumPrefsFulfilledRet;
            poss += g.NumPrefsPossibleRet;
            if (_scope != PreferenceScope.Retrieved)
            {
                ful += g.NumPrefsFulfilledImp;
                poss += g.NumPrefsPossibleImp;
            }

            if (_scope == PreferenceScope.All)
            {
                poss += g.NumPrefsPossibleNotoccur;
            }
        }

        if (poss != 0)
        {
            values[0] = (double)ful / poss;
        }
    }
}
