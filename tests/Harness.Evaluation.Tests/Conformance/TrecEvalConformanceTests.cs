namespace Harness.Evaluation.Tests.Conformance;

/// <summary>The acceptance test: <c>harness eval qrels.test results.test</c> prints out.test byte for byte.</summary>
public sealed class TrecEvalConformanceTests
{
    [Test]
    public void Eval_of_the_shared_example_equals_out_test_byte_for_byte()
    {
        var run = EvalRun.Files(Cases.TrecEval("qrels.test"), Cases.TrecEval("results.test"));
        var expected = File.ReadAllBytes(Cases.TrecEval("out.test"));
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(System.Text.Encoding.UTF8.GetBytes(run.Stdout), Is.EqualTo(expected));
    }

    [Test]
    public void Explicit_official_is_the_default()
    {
        var q = Cases.TrecEval("qrels.test");
        var r = Cases.TrecEval("results.test");
        Assert.That(EvalRun.Files("-m", "official", q, r).Stdout, Is.EqualTo(EvalRun.Files(q, r).Stdout));
    }

    [Test]
    public void Per_query_output_lists_each_query_then_all_without_runid_and_num_q_per_query()
    {
        var run = EvalRun.Files("-q", Cases.TrecEval("qrels.test"), Cases.TrecEval("results.test"));
        var queries = run.Lines.Select(l => l.Split('\t')[1]).Distinct().ToArray();
        Assert.That(queries, Is.EqualTo(new[] { "301", "302", "303", "all" }));
        Assert.That(run.Lines[0], Is.EqualTo("num_ret               \t301\t500"));
        Assert.That(run.Values.Keys.Any(k => k.Name is "runid" or "num_q" && k.Query != "all"), Is.False);
        Assert.That(run.Lines.Skip(run.Lines.Length - 30), Is.EqualTo(File.ReadAllLines(Cases.TrecEval("out.test"))));
        // AP per query, hand-checked against the all line: (0.0324 + 0.4175 + 0.0858) / 3 = 0.1786 ~ 0.1785 (unrounded).
        Assert.That(run["map", "302"], Is.EqualTo("0.4175"));
        Assert.That(run.Values.ContainsKey(("gm_map", "302")), Is.False, "trec_eval prints gm_map only on the all line");
    }

    [Test]
    public void All_trec_prints_every_supported_measure_in_trec_eval_table_order()
    {
        var run = EvalRun.Files("-m", "all_trec", Cases.TrecEval("qrels.test"), Cases.TrecEval("results.test"));
        var families = run.AllNames.Select(n => n.StartsWith("iprec_at_recall", StringComparison.Ordinal) ? "iprec_at_recall"
            : n.StartsWith("Rprec_mult", StringComparison.Ordinal) ? "Rprec_mult"
            : n.StartsWith("ndcg_cut", StringComparison.Ordinal) ? "ndcg_cut"
            : n.StartsWith("map_cut", StringComparison.Ordinal) ? "map_cut"
            : n.StartsWith("relative_P", StringComparison.Ordinal) ? "relative_P"
            : n.StartsWith("success", StringComparison.Ordinal) ? "success"
            : n.StartsWith("P_", StringComparison.Ordinal) ? "P"
            : n.StartsWith("unj_", StringComparison.Ordinal) ? "unj"
            : n.StartsWith("recall_", StringComparison.Ordinal) ? "recall" : n).Distinct().ToArray();
        Assert.That(families, Is.EqualTo(new[]
        {
            "runid", "num_q", "num_ret", "num_rel", "num_rel_ret", "map", "gm_map", "Rprec", "bpref", "recip_rank",
            "iprec_at_recall", "P", "recall", "infAP", "gm_bpref", "Rprec_mult", "utility", "11pt_avg", "binG", "G", "ndcg",
            "ndcg_rel", "Rndcg", "ndcg_cut",
            "map_cut", "relative_P", "success", "set_P", "set_relative_P", "set_recall", "set_map", "set_F", "num_nonrel_judged_ret", "rbp", "rbp_resid", "unj",
        }));
        Assert.That(run["map"], Is.EqualTo("0.1785"));
        Assert.That(run["num_nonrel_judged_ret"], Is.EqualTo("607"));
    }
}
