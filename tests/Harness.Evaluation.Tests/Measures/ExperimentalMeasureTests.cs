namespace Harness.Evaluation.Tests.Measures;

/// <summary>
/// binG, G, ndcg_rel, Rndcg, yaap on <see cref="Cases.TieQrels"/>/<see cref="Cases.TieRun"/>, worked out by hand from
/// m_binG.c, m_G.c, m_ndcg_rel.c, m_Rndcg.c, m_yaap.c. Ranking: d4 (not in qrels), d3 (1), d2 (1), d1 (0); qrels
/// levels 0: 1 doc, 1: 2 docs, 2: 1 doc (d5, not retrieved); num_rel = 3.
/// </summary>
public sealed class ExperimentalMeasureTests
{
    private static readonly Lazy<EvalRun> All = new(() =>
        EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-q", "-m", "binG", "-m", "G", "-m", "ndcg_rel", "-m", "Rndcg", "-m", "yaap"));

    // relevant at ranks 2 and 3 with 1 non-relevant before each: 2 / log2(3) / 3
    [TestCase("binG", "0.4206")]
    // ideal gains 2,1,1,0; cost 2,3,4,5; sum_results 0,1,2,2: 1/log2(2+3-1) + 1/log2(2+4-2) = 1; / ideal sum 4
    [TestCase("G", "0.2500")]
    // rel-doc points: 0.63093/2.63093 + 1.13093/3.13093, plus one unretrieved rel at 1.13093/3.13093; / 3
    [TestCase("ndcg_rel", "0.3207")]
    // ideal gain changes 2->1 at rank 2 (dcg 0 / 2) and 1->0 at rank 4 (1.13093 / 3.13093); mean of the 2 points
    [TestCase("Rndcg", "0.1806")]
    // s = 1/2 + 2/3: log((1 + s) / (1 + 3 - s))
    [TestCase("yaap", "-0.2683")]
    public void Value(string name, string expected)
    {
        Assert.That(All.Value.ExitCode, Is.Zero, All.Value.Stderr);
        Assert.That(All.Value[name, "q1"], Is.EqualTo(expected));
        Assert.That(All.Value[name], Is.EqualTo(expected));
    }

    [Test]
    public void G_takes_level_gain_pairs()
    {
        // G.1=3: gains sorted (level 0: 0, level 2: 2, level 1: 3 x2). Ideal 3,3,2,0; cost 3,6,8,9; results 0,3,6,6:
        // 3/log2(2+6-3) + 3/log2(2+8-6) = 1.29203 + 1.5; / ideal sum 8 = 0.3490.
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "G.1=3");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["G_1=3"], Is.EqualTo("0.3490"));
    }

    [Test]
    public void Malformed_gain_pairs_fail_initialisation_with_exit_2()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "ndcg_rel.1");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("malformed pair parameters"));
    }

    [Test]
    public void All_trec_is_trec_names_in_table_order_without_yaap()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "all_trec");
        Assert.That(run.AllNames, Does.Contain("binG").And.Contain("G").And.Contain("ndcg_rel").And.Contain("Rndcg"));
        Assert.That(run.AllNames, Does.Not.Contain("yaap"));
        var order = run.AllNames.ToList();
        Assert.That(order.IndexOf("11pt_avg"), Is.LessThan(order.IndexOf("binG")));
        Assert.That(order.IndexOf("binG"), Is.LessThan(order.IndexOf("G")));
        Assert.That(order.IndexOf("G"), Is.LessThan(order.IndexOf("ndcg")));
        Assert.That(order.IndexOf("ndcg"), Is.LessThan(order.IndexOf("ndcg_rel")));
        Assert.That(order.IndexOf("ndcg_rel"), Is.LessThan(order.IndexOf("Rndcg")));
        Assert.That(order.IndexOf("Rndcg"), Is.LessThan(order.IndexOf("ndcg_cut_5")));
    }

    [Test]
    public void Relstring_prints_quoted_levels_per_query_and_nothing_on_all()
    {
        // m_relstring.c: d4 not in qrels '-', d3 '1', d2 '1', d1 '0'; printed "%-22s\t%s\t'%s'\n".
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-q", "-m", "relstring");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo("relstring             \tq1\t'-110'\n"));

        var two = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-q", "-m", "relstring.2");
        Assert.That(two.Stdout, Is.EqualTo("relstring_2           \tq1\t'-1'\n"));
    }

    [Test]
    public void Relstring_marks_unjudged_and_high_levels_and_is_cleared_for_c_missing_queries()
    {
        // u is in the qrels with -1 ('.'), h has level 12 ('>'); q3 is missing from the run: trec_eval.c clear_relstr().
        var run = EvalRun.Text(Cases.ThreeQrels + "q1 0 u -1\nq1 0 h 12\n", Cases.ThreeRun + "q1 Q0 u 9 0.95 tie\nq1 Q0 h 9 0.99 tie\n", "-c", "-q", "-m", "relstring");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["relstring", "q1"], Is.EqualTo("'>.-110'"));
        Assert.That(run["relstring", "q2"], Is.EqualTo("'0-'"));
        Assert.That(run["relstring", "q3"], Is.EqualTo("''"));
        Assert.That(run.AllNames, Is.Empty);
    }
}
