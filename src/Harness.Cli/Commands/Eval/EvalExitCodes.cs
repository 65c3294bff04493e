using Harness.Evaluation;

namespace Harness.Cli.Commands.Eval;

/// <summary>
/// Exit statuses of <c>harness eval</c>: the house's (<c>src/Harness.Cli/ExitStatus.cs</c>), with trec_eval's 4 kept
/// for a qrels query missing from the run. Everything else that stops an evaluation is bad input (2): a usage error,
/// an unknown measure or bad parameters, an unreadable or malformed file, a docno repeated in a query, a measure the
/// judgments cannot give (trec_eval exits 1 or 4 for some of these; the house's meanings win). A closed standard output
/// is <c>ExitStatus.StdoutClosed</c> (141), handled in Program. The values are repeated here, not referenced, because
/// this folder is also compiled into Harness.Evaluation.Tests, which has no Harness.Core; EvalCommand checks at compile
/// time that they equal ExitStatus's.
/// </summary>
internal static class EvalExitCodes
{
    /// <summary><c>ExitStatus.Success</c>.</summary>
    public const int Ok = 0;

    /// <summary><c>ExitStatus.BadInput</c>: a bad command line or measure, or input that cannot be evaluated.</summary>
    public const int BadInput = 2;

    /// <summary><c>ExitStatus.MissingQuery</c>: a judged query has no results in the run and <c>-c</c> was not given (trec_eval's 4).</summary>
    public const int MissingQuery = 4;

    /// <summary>The one place an <see cref="EvaluationError"/> becomes an exit status.</summary>
    public static int For(EvaluationError error) => error == EvaluationError.MissingQuery ? MissingQuery : BadInput;
}
