namespace Harness.Evaluation.Tests.Measures;

/// <summary>
/// Every measure on <see cref="Cases.TieQrels"/>/<see cref="Cases.TieRun"/>, computed by hand. Ranking:
/// 1 d4 (unjudged), 2 d3 (R), 3 d2 (R), 4 d1 (N); num_rel = 3 (d2, d3, d5); d5 (level 2) not retrieved.
/// </summary>
public sealed class MeasureTests
{
    private static readonly Lazy<EvalRun> All = new(() => EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-q", "-m", "all_trec"));

    [TestCase("num_ret", "4")]
    [TestCase("num_rel", "3")]
    [TestCase("num_rel_ret", "2")]
    [TestCase("num_q", "1")]
    [TestCase("runid", "tie")]
    // AP = (1/2 + 2/3) / 3
    [TestCase("map", "0.3889")]
    // log(0.38889) = -0.9445 per query; exp of the mean of one query = AP again
    [TestCase("gm_map", "0.3889")]
    // top 3 (d4 d3 d2): 2 relevant / 3
    [TestCase("Rprec", "0.6667")]
    // judged: d3 R (no non-rel above) 1, d2 R 1, d1 N: (1 + 1) / 3
    [TestCase("bpref", "0.6667")]
    [TestCase("recip_rank", "0.5000")]
    // precision 1/2 at rank 2, 2/3 at rank 3: every reachable level interpolates to 2/3; 3 relevant never reached
    [TestCase("iprec_at_recall_0.00", "0.6667")]
    [TestCase("iprec_at_recall_0.80", "0.6667")]
    [TestCase("iprec_at_recall_0.90", "0.0000")]
    [TestCase("iprec_at_recall_1.00", "0.0000")]
    [TestCase("P_5", "0.4000")]
    [TestCase("P_10", "0.2000")]
    [TestCase("recall_5", "0.6667")]
    // 1/2 + (1/2)(0/1)... = 0.5; then 1/3 + (2/3)(1/2)((1+e)/(1+2e)) = 0.666663; sum / 3
    [TestCase("infAP", "0.3889")]
    [TestCase("gm_bpref", "0.6667")]
    // cutoff (long)(0.2*3 + 0.9) = 1: d4 not relevant
    [TestCase("Rprec_mult_0.20", "0.0000")]
    // cutoff (long)(1.0*3 + 0.9) = 3
    [TestCase("Rprec_mult_1.00", "0.6667")]
    // cutoff (long)(2.0*3 + 0.9) = 6: 2 / 6
    [TestCase("Rprec_mult_2.00", "0.3333")]
    // 1 * 2 relevant retrieved - 1 * 2 non-relevant retrieved
    [TestCase("utility", "0.0000")]
    // 9 of 11 levels at 2/3: 6/11
    [TestCase("11pt_avg", "0.5455")]
    // DCG = 1/log2(3) + 1/log2(4) = 1.130930; ideal = 2 + 1/log2(3) + 1/log2(4) = 3.130930
    [TestCase("ndcg", "0.3612")]
    [TestCase("ndcg_cut_5", "0.3612")]
    // top 1 is unjudged: DCG 0
    [TestCase("map_cut_5", "0.3889")]
    // 2 / min(5, 3)
    [TestCase("relative_P_5", "0.6667")]
    [TestCase("success_1", "0.0000")]
    [TestCase("success_5", "1.0000")]
    [TestCase("set_P", "0.5000")]
    // 2 / min(4, 3)
    [TestCase("set_relative_P", "0.6667")]
    [TestCase("set_recall", "0.6667")]
    // 2*2 / (4*3)
    [TestCase("set_map", "0.3333")]
    // 2 * 0.5 * 0.6667 / (0.5 + 0.6667)
    [TestCase("set_F", "0.5714")]
    [TestCase("num_nonrel_judged_ret", "1")]
    public void All_line_matches_the_hand_computed_value(string name, string expected) =>
        Assert.That(All.Value[name], Is.EqualTo(expected));

    [Test]
    public void Gm_map_prints_no_query_line_and_its_all_line_is_exp_of_the_mean_log()
    {
        // m_gm_map.c prints nothing per query (te_print_single_meas_empty). One query: exp(log(AP)) = AP = 0.3889.
        Assert.That(All.Value.Values.ContainsKey(("gm_map", "q1")), Is.False);
        Assert.That(All.Value["gm_map"], Is.EqualTo("0.3889"));
    }

    [Test]
    public void Ndcg_cut_at_one_is_zero_when_the_top_document_is_unjudged()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "ndcg_cut.1,3");
        // cut 3: DCG 1.130930; ideal top 3 = 3.130930
        Assert.That(run.AllNames, Is.EqualTo(new[] { "ndcg_cut_1", "ndcg_cut_3" }));
        Assert.That(run["ndcg_cut_1"], Is.EqualTo("0.0000"));
        Assert.That(run["ndcg_cut_3"], Is.EqualTo("0.3612"));
    }

    [Test]
    public void Docno_tie_break_is_descending()
    {
        // If ties were broken ascending (d1 N, d2 R, d3 R after d4) AP would be (1/3 + 2/4) / 3 = 0.2778.
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "map", "-m", "recip_rank");
        Assert.That(run["map"], Is.EqualTo("0.3889"));
        Assert.That(run["recip_rank"], Is.EqualTo("0.5000"));
    }

    [Test]
    public void Docno_ties_compare_bytes_like_strcmp_not_numbers()
    {
        // "d10" > "d9" is false for strcmp ('1' < '9'): d9 ranks first among the ties.
        var run = EvalRun.Text("q 0 d9 1\nq 0 d10 0\n", "q Q0 d10 1 1 r\nq Q0 d9 2 1 r\n", "-m", "recip_rank");
        Assert.That(run["recip_rank"], Is.EqualTo("1.0000"));
    }

    [Test]
    public void A_query_with_no_relevant_document_scores_zero_and_still_counts()
    {
        var run = EvalRun.Text("q1 0 a 1\nq2 0 e1 0\n", "q1 Q0 a 1 1 r\nq2 Q0 e1 1 1 r\n", "-q", "-m", "map", "-m", "ndcg", "-m", "P.1", "-m", "num_rel", "-m", "recip_rank", "-m", "bpref", "-m", "num_q");
        Assert.That(run["num_rel", "q2"], Is.EqualTo("0"));
        Assert.That(run["map", "q2"], Is.EqualTo("0.0000"));
        Assert.That(run["ndcg", "q2"], Is.EqualTo("0.0000"));
        Assert.That(run["P_1", "q2"], Is.EqualTo("0.0000"));
        Assert.That(run["bpref", "q2"], Is.EqualTo("0.0000"));
        Assert.That(run["num_q"], Is.EqualTo("2"));
        Assert.That(run["map"], Is.EqualTo("0.5000"));
    }

    [Test]
    public void Ndcg_accepts_custom_gains_and_keeps_the_level_as_gain_elsewhere()
    {
        // gains: level 1 -> 3, level 2 -> 9. DCG = 3/log2(3) + 3/log2(4) = 3.392789; ideal = 9 + 3/log2(3) + 3/2 = 12.392789
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "ndcg.1=3,2=9");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "ndcg_1=3,2=9" }));
        Assert.That(run["ndcg_1=3,2=9"], Is.EqualTo("0.2738"));
        // only level 2 overridden: DCG 1.130930; ideal 9 + 0.630930 + 0.5
        Assert.That(EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "ndcg.2=9")["ndcg_2=9"], Is.EqualTo("0.1116"));
    }

    [Test]
    public void Ndcg_uses_graded_gains_and_ignores_the_relevance_level()
    {
        var qrels = "q 0 a 2\nq 0 b 1\n";
        var run = "q Q0 b 1 2 r\nq Q0 a 2 1 r\n";
        // DCG = 1 + 2/log2(3) = 2.261860; ideal = 2 + 1/log2(3) = 2.630930
        Assert.That(EvalRun.Text(qrels, run, "-m", "ndcg")["ndcg"], Is.EqualTo("0.8597"));
        Assert.That(EvalRun.Text(qrels, run, "-l2", "-m", "ndcg")["ndcg"], Is.EqualTo("0.8597"));
    }

    [Test]
    public void Infap_counts_pooled_unjudged_documents_from_negative_levels()
    {
        // ranking: x (level -1: pooled, unjudged), r (rel). j=1: 1/2 + (1/2)*((0+0+1)/1)*((0+e)/(0+2e)) = 0.75
        var run = EvalRun.Text("q 0 x -1\nq 0 r 1\n", "q Q0 x 1 2 r\nq Q0 r 2 1 r\n", "-m", "infAP", "-m", "bpref", "-m", "map", "-m", "num_nonrel_judged_ret");
        Assert.That(run["infAP"], Is.EqualTo("0.7500"));
        Assert.That(run["bpref"], Is.EqualTo("1.0000"));
        Assert.That(run["map"], Is.EqualTo("0.5000"));
        Assert.That(run["num_nonrel_judged_ret"], Is.EqualTo("0"));
    }

    [Test]
    public void Precision_divides_by_the_cutoff_even_when_fewer_were_retrieved()
    {
        var run = EvalRun.Text("q 0 a 1\n", "q Q0 a 1 1 r\n", "-m", "P.1,1000", "-m", "recall.1", "-m", "success.1");
        Assert.That(run["P_1"], Is.EqualTo("1.0000"));
        Assert.That(run["P_1000"], Is.EqualTo("0.0010"));
        Assert.That(run["recall_1"], Is.EqualTo("1.0000"));
        Assert.That(run["success_1"], Is.EqualTo("1.0000"));
    }

    [Test]
    public void M_cutting_through_a_tie_group_keeps_the_largest_docnos()
    {
        // all four tie at 1.0; descending docno order: d4 (R), d3, d2 (R), d1. -M2 keeps d4, d3.
        var qrels = "q 0 d4 1\nq 0 d2 1\nq 0 d3 0\n";
        var run = "q Q0 d1 1 1.0 r\nq Q0 d2 2 1.0 r\nq Q0 d3 3 1.0 r\nq Q0 d4 4 1.0 r\n";
        var cut = EvalRun.Text(qrels, run, "-M2", "-m", "num_rel_ret", "-m", "map");
        Assert.That(cut["num_rel_ret"], Is.EqualTo("1"));
        Assert.That(cut["map"], Is.EqualTo("0.5000"));
        // full ranking: R N R N -> (1 + 2/3) / 2
        Assert.That(EvalRun.Text(qrels, run, "-m", "map")["map"], Is.EqualTo("0.8333"));
    }
}
