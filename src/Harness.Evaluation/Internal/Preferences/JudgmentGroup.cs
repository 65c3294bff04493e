namespace Harness.Evaluation.Internal.Preferences;

/// <summary>
/// trec_format.h JG: one judgment group's preferences and their counts against the run. A group with one sub group is
/// held as equivalence classes (<see cref="NumEcs"/> &gt; 0, classes from <see cref="FirstEc"/> in
/// <see cref="PreferenceCounts.EcPool"/>); one with several as a transitive preference array (<see cref="NumEcs"/> 0).
/// "ret": both documents retrieved; "imp": exactly one; "notoccur": neither. Possible counts include the fulfilled.
/// </summary>
internal sealed class JudgmentGroup
{
    public long NumEcs;
    public int FirstEc;

    /// <summary>Preference array (row-major, NumJudged²): [i, j] = 1 iff docid rank i is preferred to j.</summary>
    public byte[]? Prefs;

    /// <summary>rel_level per docid rank (-1 for documents this group did not judge).</summary>
    public double[]? RelArray;

    public long NumPrefsFulfilledRet;
    public long NumPrefsPossibleRet;
    public long NumPrefsFulfilledImp;
    public long NumPrefsPossibleImp;
    public long NumPrefsPossibleNotoccur;
    public long NumNonrel;
    public long NumNonrelRet;
    public long NumRel;
    public long NumRelRet;

    public void ClearCounts()
    {
        NumPrefsFulfilledRet = NumPrefsPossibleRet = NumPrefsFulfilledImp = NumPrefsPossibleImp = NumPrefsPossibleNotoccur = 0;
        NumNonrel = NumNonrelRet = NumRel = NumRelRet = 0;
    }
}
