namespace Harness.Evaluation.Measures;

/// <summary>
/// The ideal ranking's walk down the sorted gain table shared by m_G.c, m_ndcg_rel.c and m_Rndcg.c (cur_level,
/// num_at_level, ideal_gain), step for step.
/// </summary>
internal ref struct IdealGainWalk
{
    private readonly ReadOnlySpan<RelGain> _gains;
    private long _curLevel;
    private long _numAtLevel;

    public IdealGainWalk(ReadOnlySpan<RelGain> gains)
    {
        _gains = gains;
        _curLevel = gains.Length - 1;
        IdealGain = _curLevel >= 0 ? gains[(int)_curLevel].Gain : 0.0;
        _numAtLevel = 0;
    }

    public double IdealGain { get; private set; }

    /// <summary>One more ideal document: moves down to the next level holding documents when this one is used up.</summary>
    public void Advance()
    {
        _numAtLevel++;
        while (_curLevel >= 0 && _numAtLevel > _gains[(int)_curLevel].NumAtLevel)
        {
            _numAtLevel = 1;
            _curLevel--;
            IdealGain = _curLevel >= 0 ? _gains[(int)_curLevel].Gain : 0.0;
        }
    }
}
