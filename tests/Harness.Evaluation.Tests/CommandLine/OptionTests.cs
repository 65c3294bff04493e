namespace Harness.Evaluation.Tests.CommandLine;

/// <summary>trec_eval's options and getopt syntax: -c, -M, -l, -q, -n, -J, attached and separate values, permutation.</summary>
public sealed class OptionTests
{
    [Test]
    public void A_qrels_query_missing_from_the_run_exits_4_without_c()
    {
        var run = EvalRun.Text(Cases.ThreeQrels, Cases.ThreeRun);
        Assert.That(run.ExitCode, Is.EqualTo(4));
        Assert.That(run.Stderr, Does.Contain("q3"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void With_c_a_missing_query_scores_zero_keeps_num_rel_and_the_mean_divides_by_all_qrels_queries()
    {
        var run = EvalRun.Text(Cases.ThreeQrels, Cases.ThreeRun, "-c", "-q", "-m", "map", "-m", "num_rel", "-m", "num_ret", "-m", "num_q", "-m", "P.5", "-m", "gm_map");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["num_q"], Is.EqualTo("3"));
        Assert.That(run["num_rel", "q3"], Is.EqualTo("2"));
        Assert.That(run["num_ret", "q3"], Is.EqualTo("0"));
        Assert.That(run["map", "q3"], Is.EqualTo("0.0000"));
        Assert.That(run["num_rel"], Is.EqualTo("5"));
        // (0.388889 + 0 + 0) / 3
        Assert.That(run["map"], Is.EqualTo("0.1296"));
        // (0.4 + 0 + 0) / 3
        Assert.That(run["P_5"], Is.EqualTo("0.1333"));
        // exp((ln 0.388889 + 2 ln 0.00001) / 3) = exp(-7.99010) = 0.000339
        Assert.That(run["gm_map"], Is.EqualTo("0.0003"));
        Assert.That(run.Lines.Select(l => l.Split('\t')[1]).Distinct(), Is.EqualTo(new[] { "q1", "q2", "q3", "all" }));
    }

    [Test]
    public void Run_only_queries_are_ignored()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun + "zz Q0 d1 1 1 tie\n", "-m", "num_q", "-m", "num_ret");
        Assert.That(run["num_q"], Is.EqualTo("1"));
        Assert.That(run["num_ret"], Is.EqualTo("4"));
    }

    [TestCase("-M2")]
    [TestCase("-M", "2")]
    public void M_keeps_the_first_n_documents_after_sorting(params string[] m)
    {
        // d4, d3: 1 relevant; AP = (1/2) / 3
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, [.. m, "-m", "map", "-m", "num_ret", "-m", "P.5", "-m", "num_rel_ret"]);
        Assert.That(run["num_ret"], Is.EqualTo("2"));
        Assert.That(run["num_rel_ret"], Is.EqualTo("1"));
        Assert.That(run["map"], Is.EqualTo("0.1667"));
        Assert.That(run["P_5"], Is.EqualTo("0.2000"));
    }

    [TestCase("-l2")]
    [TestCase("-l", "2")]
    public void L_sets_the_relevance_level_on_graded_qrels(params string[] l)
    {
        // only d5 (level 2) is relevant and it is not retrieved; judged non-relevant are d1, d2, d3
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, [.. l, "-m", "num_rel", "-m", "num_rel_ret", "-m", "map", "-m", "bpref", "-m", "num_nonrel_judged_ret", "-m", "ndcg"]);
        Assert.That(run["num_rel"], Is.EqualTo("1"));
        Assert.That(run["num_rel_ret"], Is.EqualTo("0"));
        Assert.That(run["map"], Is.EqualTo("0.0000"));
        Assert.That(run["bpref"], Is.EqualTo("0.0000"));
        Assert.That(run["num_nonrel_judged_ret"], Is.EqualTo("3"));
        Assert.That(run["ndcg"], Is.EqualTo("0.3612"), "ndcg ignores -l");
    }

    [Test]
    public void L2_with_a_retrieved_level_2_document()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun + "q1 Q0 d5 5 0.1 tie\n", "-l2", "-m", "map", "-m", "recip_rank", "-m", "bpref");
        // d5 at rank 5: AP = (1/5) / 1; bpref: 3 judged non-relevant above, min(3, 1) / min(3, 1) -> 0
        Assert.That(run["map"], Is.EqualTo("0.2000"));
        Assert.That(run["recip_rank"], Is.EqualTo("0.2000"));
        Assert.That(run["bpref"], Is.EqualTo("0.0000"));
    }

    [Test]
    public void Measure_values_attached_or_separate_and_repeated_m_are_the_same()
    {
        var a = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-mP.5,10", "-mmap");
        var b = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-m", "P.5,10", "-m", "map");
        Assert.That(a.Stdout, Is.EqualTo(b.Stdout));
        Assert.That(a.AllNames, Is.EqualTo(new[] { "map", "P_5", "P_10" }), "printed in trec_eval's table order, not -m order");
    }

    [Test]
    public void Clustered_flags_and_options_after_the_files_work_like_glibc_getopt()
    {
        var clustered = EvalRun.Text(Cases.ThreeQrels, Cases.ThreeRun, "-qc", "-mmap");
        var separate = EvalRun.Text(Cases.ThreeQrels, Cases.ThreeRun, "-q", "-c", "-m", "map");
        Assert.That(clustered.ExitCode, Is.Zero);
        Assert.That(clustered.Stdout, Is.EqualTo(separate.Stdout));
        Assert.That(clustered["map", "q1"], Is.EqualTo("0.3889"));
    }

    [Test]
    public void Operands_may_precede_options()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harness-eval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "q"), Cases.TieQrels);
            File.WriteAllText(Path.Combine(dir, "r"), Cases.TieRun);
            var run = EvalRun.Files(Path.Combine(dir, "q"), Path.Combine(dir, "r"), "-m", "map");
            Assert.That(run.AllNames, Is.EqualTo(new[] { "map" }));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void N_suppresses_the_summary_and_J_drops_unjudged_documents()
    {
        Assert.That(EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-n", "-m", "map").Stdout, Is.Empty);
        var judged = EvalRun.Text(Cases.TieQrels, Cases.TieRun, "-J", "-m", "map", "-m", "num_ret");
        // without d4: d3 R, d2 R, d1 N -> (1 + 1) / 3
        Assert.That(judged["num_ret"], Is.EqualTo("3"));
        Assert.That(judged["map"], Is.EqualTo("0.6667"));
    }

    [Test]
    public void Help_and_version_exit_zero()
    {
        Assert.That(EvalRun.Files("--help").Stdout, Does.Contain("Usage: harness eval"));
        Assert.That(EvalRun.Files("-h").ExitCode, Is.Zero);
        Assert.That(EvalRun.Files("-v").Stdout, Does.Contain("10.0"));
    }

    [Test]
    public void Comments_and_blank_lines_are_skipped()
    {
        var run = EvalRun.Text("# judged\n" + Cases.TieQrels + "\n", "# run\n" + Cases.TieRun, "-m", "map");
        Assert.That(run["map"], Is.EqualTo("0.3889"));
    }

    [Test]
    public void Lenient_scores_are_read_with_atof_semantics()
    {
        // "1e1" = 10 beats "9.5"; "abc" reads as 0 and "-1" ranks last; extra fields after runid are ignored.
        var run = EvalRun.Text("q 0 a 1\n", "q Q0 b 1 9.5 r\nq Q0 a 2 1e1 r extra\nq Q0 c 3 abc r\nq Q0 d 4 -1 r\n", "-m", "recip_rank", "--lenient");
        Assert.That(run["recip_rank"], Is.EqualTo("1.0000"));
        Assert.That(run.Stderr, Does.Contain("coerced 1 line(s)"));
    }

    [Test]
    public void Trec_eval_long_options_equal_their_short_forms()
    {
        var q = Cases.TrecEval("qrels.test");
        var r = Cases.TrecEval("results.trunc");
        var shortForm = EvalRun.Files("-q", "-c", "-M", "100", "-l", "1", "-m", "P.5", "-m", "map", "-n", "-J", "-N", "10", "-R", "qrels", "-T", "trec_results", q, r);
        var longForm = EvalRun.Files(
            "--query_eval_wanted", "--complete_rel_info_wanted", "--Max_retrieved_per_topic=100", "--level_for_rel", "1",
            "--measure", "P.5", "--measure=map", "--nosummary", "--Judged_docs_only", "--Number_docs_in_coll", "10",
            "--Rel_info_format", "qrels", "--Results_format=trec_results", "--Debug_level", "0", q, r);
        Assert.That(shortForm.ExitCode, Is.Zero, shortForm.Stderr);
        Assert.That(longForm.Stdout, Is.EqualTo(shortForm.Stdout).And.Not.Empty);
        Assert.That(EvalRun.Files("--measur", "map", q, r).ExitCode, Is.EqualTo(2), "no abbreviations");
    }

    [Test]
    public void An_unknown_rel_info_format_is_refused_with_the_supported_ones()
    {
        var run = EvalRun.Files("-R", "qrels_json", Cases.TrecEval("qrels.test"), Cases.TrecEval("results.test"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith("harness eval: rel_info format 'qrels_json' is not supported (qrels, qrels_jg, prefs, qrels_prefs)"));
        Assert.That(run.Stdout, Is.Empty);
    }
}
