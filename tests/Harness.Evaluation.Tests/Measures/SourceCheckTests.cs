namespace Harness.Evaluation.Tests.Measures;

/// <summary>
/// Behaviour checked against the trec_eval 10.0 C source (usnistgov/trec_eval); each expected value is worked out by
/// hand from the C code cited in the comment.
/// </summary>
public sealed class SourceCheckTests
{
    private const string OneRelQrels = "q1 0 a 1\n";
    private const string OneRelRun = "q1 Q0 a 1 1.0 r\n";

    [Test]
    public void Rprec_mult_cutoff_zero_gives_zero_not_precision_at_one()
    {
        // m_Rprec_mult.c: cutoff = (long)(m * num_rel + 0.9), no minimum. (long)(0.05 * 1 + 0.9) = 0: no rank matches
        // a cutoff of 0, the value stays 0. (long)(1.0 + 0.9) = 1: a relevant at rank 1 gives 1/1.
        var run = EvalRun.Text(OneRelQrels, OneRelRun, "-m", "Rprec_mult.0.05,1.0");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["Rprec_mult_0.05"], Is.EqualTo("0.0000"));
        Assert.That(run["Rprec_mult_1.00"], Is.EqualTo("1.0000"));
    }

    [Test]
    public void Utility_uses_all_four_coefficients_and_N()
    {
        // Ranking a (R), b (N), x (not judged); num_ret 3, num_rel 2 (a, c), rel_ret 1; -N 10.
        // 1*1 + -1*(3-1) + -2*(2-1) + 2*(10 + 1 - 3 - 2) = 1 - 2 - 2 + 12 = 9
        var run = EvalRun.Text("q1 0 a 1\nq1 0 b 0\nq1 0 c 1\n", "q1 Q0 a 1 1.0 r\nq1 Q0 b 2 0.5 r\nq1 Q0 x 3 0.3 r\n", "-N", "10", "-m", "utility.1,-1,-2,2");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["utility_1,-1,-2,2"], Is.EqualTo("9.0000"));
    }

    [Test]
    public void Utility_with_other_than_four_coefficients_fails_to_calculate_with_exit_2()
    {
        // m_utility.c returns UNDEF from calc when num_params != 4; trec_eval.c: "Can't calculate measure", exit(4).
        // harness eval: bad input (the house's 2).
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "utility.1,2");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("improper number of coefficients"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void With_c_a_missing_query_is_scored_on_trec_evals_one_document_stand_in()
    {
        // trec_eval.c -c: q3 (num_rel 2) gets bogus_ranking, one docno not in the qrels; afterwards only the values
        // named exactly "num_ret" and "utility" are reset to 0. utility_1,-1,-2,0 keeps its value:
        // 1*0 + -1*(1-0) + -2*(2-0) + 0*(0 + 0 - 1 - 2) = -5.
        var run = EvalRun.Text(Cases.ThreeQrels, Cases.ThreeRun, "-c", "-q", "-m", "utility.1,-1,-2,0", "-m", "num_ret");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["utility_1,-1,-2,0", "q3"], Is.EqualTo("-5.0000"));
        Assert.That(run["num_ret", "q3"], Is.EqualTo("0"));

        // Default utility is named "utility": reset to 0 (it would be 1*0 + -1*1 = -1 otherwise).
        var plain = EvalRun.Text(Cases.ThreeQrels, Cases.ThreeRun, "-c", "-q", "-m", "utility");
        Assert.That(plain["utility", "q3"], Is.EqualTo("0.0000"));
    }

    [Test]
    public void Set_nickname_is_measures_c_set_names_in_table_order()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "set");
        Assert.That(run.AllNames, Is.EqualTo(new[]
        {
            "runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "utility", "set_P", "set_relative_P", "set_recall", "set_map", "set_F",
        }));
    }

    [Test]
    public void Max_docs_is_applied_before_judged_only()
    {
        // form_res_rels.c: sort, keep the first -M, then -J keeps the judged ones among them.
        // Top 2 = x (not judged), a (R); -J leaves a: num_ret 1, rel_ret 1.
        var run = EvalRun.Text("q1 0 a 1\nq1 0 b 1\n", "q1 Q0 x 1 0.9 r\nq1 Q0 a 2 0.8 r\nq1 Q0 b 3 0.7 r\n", "-J", "-M", "2", "-m", "num_ret", "-m", "num_rel_ret");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["num_ret"], Is.EqualTo("1"));
        Assert.That(run["num_rel_ret"], Is.EqualTo("1"));
    }

    [Test]
    public void Judged_only_also_drops_documents_judged_minus_one()
    {
        // form_res_rels.c -J keeps rel >= 0 only; u is in the qrels with -1 (RELVALUE_UNJUDGED): dropped, a moves to rank 1.
        var run = EvalRun.Text("q1 0 a 1\nq1 0 u -1\n", "q1 Q0 u 1 0.9 r\nq1 Q0 a 2 0.8 r\n", "-J", "-m", "num_ret", "-m", "P.1");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["num_ret"], Is.EqualTo("1"));
        Assert.That(run["P_1"], Is.EqualTo("1.0000"));
    }

    [Test]
    public void A_duplicate_docno_beyond_max_docs_is_not_an_error()
    {
        // form_res_rels.c checks duplicates only among the first -M documents after sorting: a, b(0.5) | b(0.4).
        var run = EvalRun.Text("q1 0 a 1\nq1 0 b 0\n", "q1 Q0 a 1 1.0 r\nq1 Q0 b 2 0.5 r\nq1 Q0 b 3 0.4 r\n", "-M", "2", "-m", "num_ret");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["num_ret"], Is.EqualTo("2"));
    }

    [Test]
    public void The_first_parameters_given_for_a_measure_win()
    {
        // meas_init.c: init uses the first meas_arg whose name matches, then breaks.
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "P.5", "-m", "P.10");
        Assert.That(run.AllNames, Is.EqualTo(new[] { "P_5" }));
    }

    [Test]
    public void Empty_parameters_are_an_illegal_measure_exit_2()
    {
        // trec_eval.c add_meas_arg_info: "improper measure in parameter", mark_measure fails, exit(1); bad input here.
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "P.");
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [TestCase("P.5,5", "duplicate cutoffs")]
    [TestCase("P.0,5", "Negative cutoff")]
    [TestCase("iprec_at_recall.0.5,.5", "duplicate cutoffs")]
    public void Bad_cutoffs_fail_initialisation_with_exit_2(string measure, string message)
    {
        // meas_init.c get_long_cutoffs / get_double_cutoffs; trec_eval.c "Cannot initialize measure", exit(2).
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", measure);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain(message));
    }

    [Test]
    public void Eleven_point_parameters_keep_their_order_and_repeats()
    {
        // m_11pt_avg.c (get_double_params: unsorted). Ranking d4 N, d3 R, d2 R, d1 N; num_rel 3, rel_ret 2.
        // Levels 1.0,0.0,1.0 -> cutoffs lround: 3,0,3. The last (3 > rel_ret) is skipped; walking back from rank 4,
        // int_precis reaches 2/3 at rank 3 and no relevant count ever equals cutoff 0 at a relevant doc, so the two
        // remaining cutoffs both take the final 2/3: sum 4/3, divided by 3 parameters = 0.4444.
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "11pt_avg.1.0,0.0,1.0");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["11pt_avg_1.0,0.0,1.0"], Is.EqualTo("0.4444"));
    }

    [Test]
    public void Set_F_uses_its_parameter_unsquared()
    {
        // m_set_F.c: (x + 1) * P * R / (x * P + R). Tie case: P = 2/4, R = 2/3, x = 2:
        // 3 * 0.5 * 0.666667 / (1 + 0.666667) = 1 / 1.666667 = 0.6 (beta^2 = 4 would give 0.625).
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "set_F.2");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["set_F_2"], Is.EqualTo("0.6000"));
    }

    [Test]
    public void A_negative_relevance_level_compares_raw_rank_values_as_trec_eval_does()
    {
        // m_map.c tests results_rel_list[i] >= relevance_level; a docno not in the qrels is -1, so with -l -1 it counts.
        // num_rel (form_res_rels: judged levels >= -1) = 1. x (-1) at rank 1: 1/1; a at rank 2: 2/2. map = 2 / 1.
        var run = EvalRun.Text("q1 0 a 1\n", "q1 Q0 x 1 0.9 r\nq1 Q0 a 2 0.8 r\n", "-l", "-1", "-m", "map", "-m", "num_rel", "-m", "num_rel_ret");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["map"], Is.EqualTo("2.0000"));
        Assert.That(run["num_rel"], Is.EqualTo("1"));
        Assert.That(run["num_rel_ret"], Is.EqualTo("1"));
    }

    [Test]
    public void Runid_is_the_last_result_lines()
    {
        // get_trec_results.c stores run_id_ptr, overwritten by every parsed line, in every query's RESULTS: the last
        // result line's runid wins (here on a query the qrels lack, after a comment line).
        const string run = "q1 Q0 d1 1 0.5 first\nq1 Q0 d2 2 0.4 second\nzz Q0 d9 1 0.1 third\n# comment\n";
        var result = EvalRun.Text(Cases.TieQrels, run, "-m", "runid");
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result["runid"], Is.EqualTo("third"));

        var dir = Path.Combine(Path.GetTempPath(), "harness-eval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "run");
            File.WriteAllText(path, run);
            Assert.That(TrecRun.Load(path).RunId, Is.EqualTo("third"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Interpolated_precision_with_nothing_retrieved_is_nan_at_zero_cutoffs()
    {
        // -J drops x (not in the qrels): num_ret 0, num_rel 1. m_iprec_at_recall.c: int_precis = 0.0 / 0.0 (NaN);
        // lround(0.0 * 1) = 0 is not above num_rel_ret 0, so it takes NaN; lround(0.5 * 1) = 1 > 0 stays 0.
        // m_11pt_avg.c sums NaN in: NaN. glibc prints x86's 0/0 NaN (sign bit set) as "-nan", %6.4f pads to 6.
        var run = EvalRun.Text(OneRelQrels, "q1 Q0 x 1 1.0 r\n", "-J", "-m", "iprec_at_recall.0.0,0.5", "-m", "11pt_avg");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["iprec_at_recall_0.00", "all"], Is.EqualTo(double.IsNegative(0.0 / Zero()) ? "  -nan" : "   nan"));
        Assert.That(run["iprec_at_recall_0.50"], Is.EqualTo("0.0000"));
        Assert.That(run["11pt_avg"], Does.EndWith("nan"));
    }

    private static double Zero() => 0.0;

    [Test]
    public void A_duplicate_docno_with_the_same_score_is_still_found_after_sorting()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun + "q1 Q0 d2 5 0.5 tie\n");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("duplicate docno d2"));
    }
}
