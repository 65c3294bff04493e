namespace Harness.Evaluation.Tests.Support;

/// <summary>Small hand-checked inputs shared by the tests.</summary>
internal static class Cases
{
    /// <summary>
    /// q1: d4 is unjudged with the top score; d1, d2, d3 tie at 0.5, so trec_eval ranks them by docno DESCENDING:
    /// d4 (not judged), d3 (rel 1), d2 (rel 1), d1 (rel 0). d5 (rel 2) is not retrieved. num_rel = 3.
    /// (Ascending docno order would give d1 N, d2 R, d3 R and different values.)
    /// </summary>
    public const string TieQrels = "q1 0 d1 0\nq1 0 d2 1\nq1 0 d3 1\nq1 0 d5 2\n";

    public const string TieRun = "q1 Q0 d1 1 0.5 tie\nq1 Q0 d2 2 0.5 tie\nq1 Q0 d3 3 0.5 tie\nq1 Q0 d4 4 0.9 tie\n";

    /// <summary>q2 has judgments but no relevant document; q3 is judged but absent from <see cref="ThreeRun"/>.</summary>
    public const string ThreeQrels = TieQrels + "q2 0 e1 0\nq3 0 f1 1\nq3 0 f2 1\n";

    public const string ThreeRun = TieRun + "q2 Q0 e1 1 1.0 tie\nq2 Q0 e2 2 0.5 tie\n";

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Harness.sln not found above the test directory");
        }
    }

    /// <summary>trec_eval 10.0's own test folder, vendored with its licence (TestData/trec_eval/README.md).</summary>
    public static string TrecEvalData => Path.Combine(RepoRoot, "tests", "Harness.Evaluation.Tests", "TestData", "trec_eval");

    /// <summary>A file of <see cref="TrecEvalData"/>.</summary>
    public static string TrecEval(string name) => Path.Combine(TrecEvalData, name);
}
