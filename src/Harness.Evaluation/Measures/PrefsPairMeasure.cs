using Harness.Evaluation.Internal.Preferences;

namespace Harness.Evaluation.Measures;

/// <summary>
/// prefs_pair, prefs_pair_ret, prefs_pair_imp (m_prefs_pair*.c): the mean over document pairs with any preference of
/// the share of their preferences (over all groups) that the ranking fulfils. prefs_pair counts pairs of two unretrieved
/// documents as 0; _imp leaves them out; _ret keeps only pairs of two retrieved documents.
/// </summary>
internal sealed class PrefsPairMeasure : PreferenceMeasure
{
    private readonly PreferenceScope _scope;

    public PrefsPairMeasure(PreferenceScope scope)
        : base(scope switch { PreferenceScope.Retrieved => "prefs_pair_ret", PreferenceScope.Implied => "prefs_pair_imp", _ => "prefs_pair" })
    {
        _scope = scope;
    }

    public override void ComputePreferences(PreferenceCounts p, Span<double> values)
    {
        var njr = p.NumJudgedRet;
        var nj = p.NumJudged;
        var sum = 0.0;
        long pairs = 0;
        void Add(long i, long j, bool scored)
        {
            var ij = p.Count(i, j);
            var ji = p.Count(j, i);
            if (ij != 0 || ji != 0)
            {
                pairs++;
                if (scored)
                {
                    sum += (double)ij / (ij + ji);
                }
            }
        }

        for (long i = 0; i < njr; i++)
        {
            for (var j = i + 1; j < njr; j++)
            {
                Add(i, j, true);
            }
        }

        if (_scope != PreferenceScope.Retrieved)
        {
            for (long i = 0; i < njr; i++)
            {
                for (var j = njr; j < nj; j++)
                {
                    Add(i, j, true);
                }
            }
        }

        if (_scope == PreferenceScope.All)
        {
            for (var i = njr; i < nj; i++)
            {
                for (var j = i + 1; j < nj; j++)
                {
                    Add(i, j, false);
                }
            }
        }

        if (pairs != 0)
        {
            values[0] = sum / pairs;
        }
    }
}
