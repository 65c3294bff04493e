using Harness.Evaluation.Internal.Preferences;

namespace Harness.Evaluation.Measures;

/// <summary>
/// prefs_avgjg_Rnonrel and prefs_avgjg_Rnonrel_ret (m_prefs_avgjg_Rnonrel*.c): prefs_avgjg (prefs_avgjg_ret) with each
/// group's nonrelevant documents (rel_level 0) set to R, its number of relevant (relevant retrieved) documents: with
/// fewer, R·(R−N) fulfilled preferences are added; with more, only the first R count and the group is recounted.
/// As in the C, a group whose ratio is 0/0 makes the sum NaN, and the query then scores 0.
/// </summary>
internal sealed class PrefsAvgjgRnonrelMeasure : PreferenceMeasure
{
    private readonly bool _retrieved;

    public PrefsAvgjgRnonrelMeasure(bool retrievedOnly)
        : base(retrievedOnly ? "prefs_avgjg_Rnonrel_ret" : "prefs_avgjg_Rnonrel")
    {
        _retrieved = retrievedOnly;
    }

    public override void ComputePreferences(PreferenceCounts p, Span<double> values)
    {
        var sum = 0.0;
        foreach (var g in p.Groups)
        {
            var r = _retrieved ? g.NumRelRet : g.NumRel;
            var n = _retrieved ? g.NumNonrelRet : g.NumNonrel;
            long ful;
            long poss;
            if (r >= n)
            {
                ful = g.NumPrefsFulfilledRet;
                poss = g.NumPrefsPossibleRet;
                if (!_retrieved)
                {
                    ful += g.NumPrefsFulfilledImp;
                    poss += g.NumPrefsPossibleImp + g.NumPrefsPossibleNotoccur;
                }

                ful += g.NumRelRet * (r - n);
                poss += g.NumRel * (r - n);
            }
            else
            {
                (ful, poss) = _retrieved ? RnonrelCounts.Retrieved(p, g) : RnonrelCounts.All(p, g);
            }

            sum += (double)ful / poss;
        }

        if (sum > 0.0)
        {
            values[0] = sum / p.Groups.Length;
        }
    }
}
