using System.Text;

namespace Harness.Evaluation.Tests.Conformance;

/// <summary>
/// trec_eval 10.0's own test suite (its Makefile's quicktest; files in TestData/trec_eval): each case runs
/// <c>harness eval</c> with the same arguments and must print the expected file byte for byte.
/// </summary>
public sealed class TrecEvalTestSuiteTests
{
    private const string MeasParams =
        "-q -miprec_at_recall..10,.20,.25,.75,.50 -m P.5,7,3 -m recall.20,2000 -m Rprec_mult.5.0,0.2,0.35 -mutility.2,-1,0,0 "
        + "-m 11pt_avg..25,.5,.75 -mndcg.1=3,2=9,4=4.5 -mndcg_cut.10,20,23.4 -msuccess.2,5,20 qrels.test results.test";


    /// <summary>(expected file, arguments as in the Makefile with the test/ prefix dropped, why it cannot pass yet or null).</summary>
    private static readonly (string Expected, string Arguments, string? Pending)[] Suite =
    [
        ("out.test", "qrels.test results.test", null),
        ("out.test", "qrels.test.with-comments results.test", null),
        ("out.comment.test", "qrels.comment.test results.comment.test", null),
        ("out.test.a", "-m all_trec qrels.test results.test", null),
        ("out.test.aq", "-m all_trec -q qrels.test results.test", null),
        ("out.test.aqc", "-m all_trec -q -c qrels.test results.trunc", null),
        ("out.test.aqcM", "-m all_trec -q -c -M100 qrels.test results.trunc", null),
        ("out.test.aql", "-m all_trec -mrelstring.20 -q -l2 qrels.rel_level results.test", null),
        ("out.test.meas_params", MeasParams, null),
        ("out.test.aqZ", "-q -m all_trec -Z zscores_file qrels.test results.test", null),
        ("out.test.prefs", "-m all_prefs -q -R prefs prefs.test prefs.results.test", null),
        ("out.test.prefs", "-m all_prefs -q -R prefs prefs.comment.test prefs.results.test", null),
        ("out.test.qrels_prefs", "-m all_prefs -q -R qrels_prefs qrels.test results.test", null),
        ("out.test.qrels_jg", "-m qrels_jg -q -R qrels_jg qrels.123 results.test", null),
        ("out.test.qrels_jg", "-m qrels_jg -q -R qrels_jg qrels.comments.123 results.test", null),
    ];

    /// <summary>Commands trec_eval's folder has no expected output for; expected files made with trec_eval itself (TestData/generated/README.md).</summary>
    private static readonly (string Expected, string Arguments)[] Generated =
    [
        ("out.302.aq", "-m all_trec -q qrels-302.test results-302.test"),
        ("out.rel_level.aqJ", "-m all_trec -q -J qrels.rel_level results.test"),
        ("out.trunc.aqncM50N", "-m all_trec -q -n -c -M 50 -N 100000 qrels.test results.trunc"),
        ("out.rel_level.aql3", "-m all_trec -q -l 3 qrels.rel_level results.test"),
        ("out.rel_level.params", "-q -m rbp.p=0.8 -m rbp_resid.p=0.5 -m unj.3,7 -m ndcg.0=1,1=2,2=5 -m G.1=2,3=0.5 qrels.rel_level results.test"),
        ("out.trunc.qrels_jg.c", "-q -m qrels_jg -c -R qrels_jg qrels.123 results.trunc"),
        ("out.trunc.aqcZ", "-q -m all_trec -c -Z zscores_file qrels.test results.trunc"),
        ("out.set.q", "-m set -q qrels.test results.test"),
        ("out.comment.l2", "-q -m official -m relstring.5 -l 2 qrels.comment.test results.comment.test"),
        ("out.rel_level.aql-1", "-q -m all_trec -l -1 qrels.rel_level results.test"),
        ("out.trunc.aqcl2", "-q -m all_trec -c -l 2 qrels.rel_level results.trunc"),
        ("out.prefs.edge.aqc", "-m all_prefs -q -c -R prefs prefs.edge prefs.edge.run"),
        ("out.prefs.edge.aqcM3", "-m all_prefs -q -c -M 3 -R prefs prefs.edge prefs.edge.run"),
        ("out.qrels_prefs.rel_level.aq", "-m all_prefs -q -R qrels_prefs qrels.rel_level results.test"),
        ("out.qrels_prefs.123.qc", "-m prefs -q -c -R qrels_prefs qrels.123 results.trunc"),
    ];

    private static string GeneratedFile(string name) => Path.Combine(Cases.TrecEvalData, "..", "generated", name);

    public static IEnumerable<TestCaseData> SuiteCases() =>
        Suite.Select(c => new TestCaseData(Cases.TrecEval(c.Expected), c.Arguments, c.Pending).SetName($"trec_eval {c.Arguments} == {c.Expected}"))
            .Concat(Generated.Select(c => new TestCaseData(GeneratedFile(c.Expected), c.Arguments, null)
                .SetName($"trec_eval {c.Arguments} == generated/{c.Expected}")));

    [TestCaseSource(nameof(SuiteCases))]
    public void Prints_the_expected_file_byte_for_byte(string expectedFile, string arguments, string? pending)
    {
        var expected = File.ReadAllBytes(expectedFile);
        Assert.That(expected, Is.Not.Empty, "an empty expected file would make this test vacuous");
        if (pending is not null)
        {
            Assert.Ignore(pending);
        }

        var args = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => File.Exists(Cases.TrecEval(a)) ? Cases.TrecEval(a) : File.Exists(GeneratedFile(a)) ? GeneratedFile(a) : a)
            .ToArray();
        var run = EvalRun.Files(args);
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        // Byte for byte: the bytes printed equal the file's (a readable text diff on failure).
        Assert.That(run.Stdout, Is.EqualTo(Encoding.UTF8.GetString(expected)));
        Assert.That(Encoding.UTF8.GetBytes(run.Stdout), Is.EqualTo(expected));
    }
}
