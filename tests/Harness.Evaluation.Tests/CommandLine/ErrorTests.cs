namespace Harness.Evaluation.Tests.CommandLine;

/// <summary>Every error path: message on stderr, nothing on stdout, the documented exit status.</summary>
public sealed class ErrorTests
{
    [Test]
    public void A_malformed_run_line_reports_file_and_line_and_exits_2()
    {
        var run = EvalRun.Text(Cases.TieQrels, "q1 Q0 d1 1 0.5 tie\n# comment\nq1 Q0 d2 2\n");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Match(@"run:3: malformed run line: expected 6 fields .* found 4\n$"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void A_malformed_qrels_line_reports_file_and_line_and_exits_2()
    {
        var run = EvalRun.Text("q1 0 d1 1\nq1 0 d2\n", Cases.TieRun);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Match(@"qrels:2: malformed qrels line: expected 4 fields .* found 3\n$"));
    }

    [Test]
    public void A_duplicate_docno_in_a_run_query_is_an_error_with_its_line()
    {
        // form_res_rels fails, so trec_eval.c reports "Can't calculate measure" and exits 4; bad input here (2).
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun + "q1 Q0 d2 5 0.1 tie\n");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Match(@"run:5: duplicate docno d2 in query q1 \(trec_eval.form_res_rels: duplicate docs d2\)"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void A_duplicate_docno_in_a_query_the_qrels_lack_is_ignored_like_the_query()
    {
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun + "zz Q0 x 1 1 r\nzz Q0 x 2 1 r\n", "-m", "map");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
    }

    [Test]
    public void A_duplicate_docno_in_the_qrels_is_an_error()
    {
        // Also detected by form_res_rels (get_qrels does not check; trec_eval exits 4): bad input, exit 2.
        var run = EvalRun.Text(Cases.TieQrels + "q1 0 d2 0\n", Cases.TieRun);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Match(@"qrels:5: duplicate docno d2 in qrels query q1"));
    }

    [Test]
    public void A_missing_file_exits_2()
    {
        var run = EvalRun.Files("/nonexistent/qrels", "/nonexistent/run");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith("/nonexistent/qrels: cannot read qrels file"));
    }

    [TestCase(new[] { "-m", "nosuch" }, "unknown trec_eval measure 'nosuch'")]
    [TestCase(new[] { "-x" }, "invalid option -- 'x'")]
    [TestCase(new[] { "--format", "xml" }, "unknown format 'xml'")]
    [TestCase(new[] { "--measures", "Foo@3" }, "unknown measure 'Foo@3'")]
    [TestCase(new[] { "-m", "map.5" }, "measure 'map' takes no parameters")]
    public void Usage_errors_exit_2_the_houses_bad_input(string[] options, string message)
    {
        // trec_eval exits 1 on these; harness eval uses ExitStatus's meanings, where 1 is "a check failed".
        var run = EvalRun.Text(Cases.TieQrels, Cases.TieRun, options);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain(message));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public void An_option_value_missing_at_the_end_exits_2()
    {
        // getopt takes the next argument as the value, so only a trailing -m lacks one.
        var run = EvalRun.Files("qrels", "run", "-m");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("option requires an argument -- 'm'"));
    }

    [Test]
    public void Wrong_number_of_files_exits_2()
    {
        var run = EvalRun.Files("only-one-file");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("expected QRELS and RUN files, got 1"));
    }

    [Test]
    public void In_memory_duplicates_and_missing_queries_throw_with_their_error_kind()
    {
        var qrels = new TrecQrels();
        qrels.Add("q", "a", 1);
        qrels.Add("p", "a", 1);
        var run = new TrecRun("r");
        run.Add("q", "a", 1);
        var missing = Assert.Throws<EvaluationException>(() => new Evaluator(MeasureSet.Official).Evaluate(qrels, run));
        Assert.That(missing.Error, Is.EqualTo(EvaluationError.MissingQuery));
        run.Add("p", "a", 1);
        run.Add("p", "a", 2);
        var duplicate = Assert.Throws<EvaluationException>(() => new Evaluator(MeasureSet.Official).Evaluate(qrels, run));
        Assert.That(duplicate.Error, Is.EqualTo(EvaluationError.CannotCalculate));
        Assert.That(duplicate.DocNo, Is.EqualTo("a"));
        Assert.Throws<EvaluationException>(() => qrels.Add("q", "a", 0));
    }
}
