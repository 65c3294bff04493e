namespace Harness.Evaluation.Tests.Measures;

/// <summary>Measure parameters as trec_eval parses them.</summary>
public sealed class ParameterTests
{
    [Test]
    public void Cutoffs_are_sorted()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "P.5,7,3");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "P_3", "P_5", "P_7" }));
        // top 3 = d4 d3 d2: 2 relevant; still 2 in the top 5 and 7
        Assert.That(run["P_3"], Is.EqualTo("0.6667"));
        Assert.That(run["P_7"], Is.EqualTo("0.2857"));
    }

    [Test]
    public void Recall_cutoffs_beyond_the_ranking()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "recall.20,2000");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "recall_20", "recall_2000" }));
        Assert.That(run["recall_2000"], Is.EqualTo("0.6667"));
    }

    [Test]
    public void Ndcg_cut_cutoffs_are_integers()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "ndcg_cut.10,20,23.4");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "ndcg_cut_10", "ndcg_cut_20", "ndcg_cut_23" }));
    }

    [Test]
    public void Float_cutoffs_print_with_two_decimals()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "iprec_at_recall..10,.20", "-m", "Rprec_mult.5.0,0.2,0.35");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "iprec_at_recall_0.10", "iprec_at_recall_0.20", "Rprec_mult_0.20", "Rprec_mult_0.35", "Rprec_mult_5.00" }));
    }

    [Test]
    public void Utility_and_11pt_avg_with_parameters_append_the_parameter_text()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "utility.2,-1,0,0", "-m", "11pt_avg..25,.5,.75");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "utility_2,-1,0,0", "11pt_avg_.25,.5,.75" }));
        // 2 * 2 - 1 * 2
        Assert.That(run["utility_2,-1,0,0"], Is.EqualTo("2.0000"));
        // levels need (long)(p*3 + 0.5) = 1, 2, 2 relevant: all reached, each 2/3
        Assert.That(run["11pt_avg_.25,.5,.75"], Is.EqualTo("0.6667"));
    }

    [Test]
    public void Success_and_map_cut_defaults()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "success", "-m", "map_cut");
        Assert.That(run.AllNames, Is.EqualTo(new[]
        {
            "map_cut_5", "map_cut_10", "map_cut_15", "map_cut_20", "map_cut_30", "map_cut_100", "map_cut_200", "map_cut_500", "map_cut_1000",
            "success_1", "success_5", "success_10",
        }));
        Assert.That(run["map_cut_5"], Is.EqualTo("0.3889"));
    }

    [Test]
    public void Set_f_takes_its_parameter_unsquared()
    {
        // m_set_F.c, x = 0.5 (not squared): 1.5 * 0.5 * 0.6667 / (0.5 * 0.5 + 0.6667) = 0.5 / 0.91667 = 0.5455
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "set_F.0.5");
        Assert.That(run["set_F_0.5"], Is.EqualTo("0.5455"));
    }
}
