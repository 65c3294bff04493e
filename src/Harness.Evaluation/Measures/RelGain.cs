namespace Harness.Evaluation.Measures;

/// <summary>One entry of trec_eval's GAINS table (setup_gains in m_G.c, m_ndcg_rel.c, m_Rndcg.c).</summary>
internal struct RelGain
{
    public long Level;
    public double Gain;
    public long NumAtLevel;
}
