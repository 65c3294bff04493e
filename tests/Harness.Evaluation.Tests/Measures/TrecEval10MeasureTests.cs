namespace Harness.Evaluation.Tests.Measures;

/// <summary>
/// rbp, rbp_resid, unj and -Z on <see cref="Cases.TieQrels"/> / <see cref="Cases.TieRun"/> (ranking d4 unjudged, d3 rel 1,
/// d2 rel 1, d1 rel 0; d5 rel 2 not retrieved), values worked out by hand and confirmed with trec_eval 10.0 (-O0 build).
/// </summary>
public sealed class TrecEval10MeasureTests
{
    [Test]
    public void Rbp_normalises_gains_over_the_gain_table_and_takes_p()
    {
        // Gains 0, 1, 2 (levels 0..2); max 2 > 1 so g / 2: rel 1 -> 0.5. p = 0.5: (1 - 0.5)(0 + 0.5*0.5 + 0.5*0.25 + 0) = 0.1875.
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-q", "-m", "rbp.p=0.5");
        Assert.That(run["rbp_p=0.5", "q1"], Is.EqualTo("0.1875"));
        Assert.That(run["rbp_p=0.5"], Is.EqualTo("0.1875"));

        // p = 0.9: 0.1 * (0.5*0.9 + 0.5*0.81) = 0.0855.
        Assert.That(EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "rbp")["rbp"], Is.EqualTo("0.0855"));
    }

    [Test]
    public void Rbp_resid_is_the_rise_if_every_unjudged_document_had_gain_one()
    {
        // d4 at rank 1 is unjudged: p^4 + (1 - p) * p^0 = 0.0625 + 0.5 = 0.5625.
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "rbp_resid.p=0.5");
        Assert.That(run["rbp_resid_p=0.5"], Is.EqualTo("0.5625"));
    }

    [Test]
    public void Unj_is_the_unjudged_fraction_of_the_top_k_divided_by_k()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "unj.1,2,10");
        Assert.That(run["unj_1"], Is.EqualTo("1.0000"));
        Assert.That(run["unj_2"], Is.EqualTo("0.5000"));
        Assert.That(run["unj_10"], Is.EqualTo("0.1000"), "divided by 10 although only 4 were retrieved");
    }

    [Test]
    public void Z_scores_use_the_file_and_mark_what_it_lacks_as_minus_a_million()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harness-eval-z", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var z = Path.Combine(dir, "z");
            File.WriteAllText(z, "q1 map 0.5 0.25\nq1 P_5 0.1 0\n");
            var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-q", "-Z", z, "-m", "map", "-m", "P.5,10", "-m", "num_rel");

            // map = 0.3889: (0.38889 - 0.5) / 0.25 = -0.4444; P_5 = 0.4 with stddev 0 and mean 0.1: missing; P_10, num_rel: not in the file.
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(run.Lines, Does.Contain("Zmap                   \tq1\t-0.4444"));
            Assert.That(run.Lines, Does.Contain("ZP_5                   \tq1\t-1000000.0000"));
            Assert.That(run.Lines, Does.Contain("ZP_10                  \tall\t-1000000.0000"));
            Assert.That(run.Lines, Does.Contain("Znum_rel               \tall\t-1000000.0000"), "counts print %6.4f under -Z");

            File.WriteAllText(z, "q1 map 0.5\n");
            var bad = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-Z", z);
            Assert.That(bad.ExitCode, Is.EqualTo(2));
            Assert.That(bad.Stderr, Is.EqualTo($"{z}:1: malformed zscores line: expected 4 fields (qid measure mean stddev), found 3\n"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
