namespace Harness.Evaluation.Tests.Parsing;

/// <summary>
/// Strict by default (issue 14 point 2): what trec_eval silently coerces is an error naming file and line, exit 2;
/// <c>--lenient</c> reproduces trec_eval's atol/atof reading and says on stderr how many lines it coerced.
/// </summary>
public sealed class StrictInputTests
{
    private const string Run = "q1 Q0 d1 1 0.9 r\nq1 Q0 d2 2 0.8 r\nq1 Q0 d3 3 0.7 r\n";

    [TestCase("x", "0")]
    [TestCase("1.5", "1")]
    [TestCase("2abc", "2")]
    [TestCase("99999999999", "99999999999")]
    public void A_relevance_that_is_not_an_integer_is_an_error(string rel, string atol)
    {
        var strict = EvalRun.Text($"q1 0 d1 1\nq1 0 d2 {rel}\n", Run, "-m", "num_rel");
        Assert.That(strict.ExitCode, Is.EqualTo(2));
        Assert.That(strict.Stderr, Is.EqualTo($"{strict.Dir}qrels:2: relevance '{rel}' is not an integer (--lenient reads it with atol as trec_eval does: {atol})\n"));
        Assert.That(strict.Stdout, Is.Empty);
    }

    [Test]
    public void Lenient_reads_relevance_with_atol_and_counts_the_line()
    {
        // atol("1.5") = 1 (relevant), atol("x") = 0: num_rel 2 of d1 (1), d2 (1.5 -> 1), d3 (x -> 0).
        var run = EvalRun.Text("q1 0 d1 1\nq1 0 d2 1.5\nq1 0 d3 x\n", Run, "-m", "num_rel", "--lenient");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run["num_rel"], Is.EqualTo("2"));
        Assert.That(run.Stderr, Does.Contain("--lenient: coerced 2 line(s) (2 in ").And.Contain(", 0 in "));
    }

    [TestCase("abc")]
    [TestCase("inf")]
    [TestCase("-Infinity")]
    [TestCase("nan")]
    [TestCase("1e999")]
    [TestCase("0x1p3")]
    [TestCase("0.5.5")]
    [TestCase("1e")]
    public void A_score_that_is_not_a_finite_decimal_is_an_error(string score)
    {
        var run = EvalRun.Text("q1 0 d1 1\n", $"q1 Q0 d1 1 0.5 r\nq1 Q0 d2 2 {score} r\n", "-m", "map");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith($"{run.Dir}run:2: score '{score}' is not a finite decimal number"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [TestCase("1", "1.0")]
    [TestCase("-2.5e-3", "-0.0025")]
    [TestCase("+.5", "0.5")]
    [TestCase("7.", "7")]
    public void Ordinary_decimal_scores_are_accepted(string score, string same)
    {
        var a = EvalRun.Text("q1 0 d1 1\n", $"q1 Q0 d1 1 {score} r\nq1 Q0 d2 2 0.001 r\n", "-q", "-m", "recip_rank");
        var b = EvalRun.Text("q1 0 d1 1\n", $"q1 Q0 d1 1 {same} r\nq1 Q0 d2 2 0.001 r\n", "-q", "-m", "recip_rank");
        Assert.That(a.ExitCode, Is.Zero, a.Stderr);
        Assert.That(a.Stdout, Is.EqualTo(b.Stdout).And.Not.Empty);
    }

    [Test]
    public void Lenient_reads_a_score_with_atof_like_trec_eval()
    {
        // atof("0x1p3") = 8 ranks d2 first (above 0.5); atof("abc") = 0 ranks d3 last.
        var run = EvalRun.Text("q1 0 d2 1\n", "q1 Q0 d1 1 0.5 r\nq1 Q0 d2 2 0x1p3 r\nq1 Q0 d3 3 abc r\n", "-m", "recip_rank", "--lenient");
        Assert.That(run["recip_rank"], Is.EqualTo("1.0000"));
        Assert.That(run.Stderr, Does.Contain("coerced 2 line(s) (0 in ").And.Contain(", 2 in "));
    }

    [TestCase("q1 0 d1\n", "3")]
    [TestCase("q1 0 d1 1 extra\n", "more")]
    [TestCase("q1 Q0 d1 1 0.5 run\n", "more")]
    public void A_qrels_line_without_exactly_four_fields_is_an_error_even_when_lenient(string line, string found)
    {
        // get_qrels.c rejects both (parse_qrels_line), so `harness eval run.trec run.trec` no longer prints map 1.0.
        foreach (var lenient in new[] { false, true })
        {
            var run = EvalRun.Text("q1 0 d2 1\n" + line, Run, lenient ? ["--lenient"] : []);
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Is.EqualTo($"{run.Dir}qrels:2: malformed qrels line: expected 4 fields (qid iter docno rel), found {found}\n"));
        }
    }

    [TestCase("")]
    [TestCase("# only a comment\n\n")]
    public void Qrels_without_a_judgment_are_an_error(string qrels)
    {
        var run = EvalRun.Text(qrels, Run);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Match(@"qrels:\d+: the qrels hold no judgment"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void A_run_with_no_line_for_any_judged_query_is_an_error()
    {
        var run = EvalRun.Text("q9 0 d1 1\n", Run, "-c");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo($"{run.Dir}run:3: no line of the run is for a query in the qrels (1 judged queries)\n"));

        // trec_eval -c scores it (every ranked measure 0); --lenient does the same.
        var lenient = EvalRun.Text("q9 0 d1 1\n", Run, "-c", "--lenient", "-m", "map", "-m", "num_rel");
        Assert.That(lenient.ExitCode, Is.Zero, lenient.Stderr);
        Assert.That(lenient["map"], Is.EqualTo("0.0000"));
        Assert.That(lenient["num_rel"], Is.EqualTo("1"));
    }

    [Test]
    public void An_empty_run_is_an_error()
    {
        var run = EvalRun.Text("q1 0 d1 1\n", string.Empty);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo($"{run.Dir}run:1: the run is empty\n"));
    }

    [Test]
    public void The_trec_eval_test_inputs_are_all_strictly_valid()
    {
        // Strictness must not reject what trec_eval's own tests feed it (results.trunc has extra trailing fields).
        foreach (var (q, r) in new[] { ("qrels.test", "results.trunc"), ("qrels.rel_level", "results.test"), ("qrels.comment.test", "results.comment.test") })
        {
            var run = EvalRun.Files("-c", Cases.TrecEval(q), Cases.TrecEval(r));
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(run.Stdout, Is.Not.Empty);
        }
    }
}
