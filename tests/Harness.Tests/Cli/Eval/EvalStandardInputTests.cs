using Harness.Tests.Support;

namespace Harness.Tests.Cli.Eval;

/// <summary>
/// <c>harness eval</c> as a process, on inputs only a real process has: <c>-</c> and <c>/dev/stdin</c> fed by a pipe, a
/// bash process substitution. Each must print trec_eval's expected output (out.test.aq) byte for byte.
/// </summary>
public sealed class EvalStandardInputTests
{
    private static string Data(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "Harness.Evaluation.Tests", "TestData", "trec_eval", name);

    [TestCase("cat \"$RUN\" | \"$HARNESS\" eval -m all_trec -q \"$QRELS\" -")]
    [TestCase("cat \"$RUN\" | \"$HARNESS\" eval -m all_trec -q \"$QRELS\" /dev/stdin")]
    [TestCase("\"$HARNESS\" eval -m all_trec -q \"$QRELS\" <(cat \"$RUN\")")]
    [TestCase("cat \"$QRELS\" | \"$HARNESS\" eval -m all_trec -q - \"$RUN\"")]
    public void Standard_input_and_process_substitution_give_trec_eval_output(string script)
    {
        var expected = File.ReadAllText(Data("out.test.aq"));
        Assert.That(expected, Is.Not.Empty);
        var result = ProcessRunner.Run("bash", ["-c", script], environment: new Dictionary<string, string>
        {
            ["HARNESS"] = HarnessCli.Executable,
            ["QRELS"] = Data("qrels.test"),
            ["RUN"] = Data("results.test"),
        });
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout, Is.EqualTo(expected));
    }

    [TestCase("results.test.gz", "gzip")]
    [TestCase("results.test.xz", "xz")]
    public void A_truncated_compressed_run_on_standard_input_is_reported_as_truncated(string name, string kind)
    {
        // Half of the compressed file through a pipe: read sequentially, decompressed, then found cut short.
        var compressed = Path.Combine(TestPaths.RepoRoot, "tests", "Harness.Evaluation.Tests", "TestData", "streams", name);
        var result = ProcessRunner.Run("bash", ["-c", "head -c $(( $(stat -c %s \"$RUN\") / 2 )) \"$RUN\" | \"$HARNESS\" eval \"$QRELS\" -"], environment: new Dictionary<string, string>
        {
            ["HARNESS"] = HarnessCli.Executable,
            ["QRELS"] = Data("qrels.test"),
            ["RUN"] = compressed,
        });
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Is.EqualTo($"-: truncated {kind} stream: the compressed run file ends before its end\n"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Both_inputs_from_standard_input_is_a_usage_error_exit_2()
    {
        // The house's bad-input status (src/Harness.Cli/ExitStatus.cs), not trec_eval's usage status 1.
        var result = HarnessCli.Run("eval", "-", "-");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Is.EqualTo("harness eval: only one of QRELS and RUN can be '-' (standard input)\n"));
    }
}
