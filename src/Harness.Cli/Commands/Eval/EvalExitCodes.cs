using Harness.Evaluation;

namespace Harness.Cli.Commands.Eval;

/// <summary>
/// Exit statuses of <c>harness eval</c> (trec_eval 10.0's where it has them): 0 ok, 1 usage, 2 bad input, 4 a qrels
/// query missing from the run or trec_eval's "Can't calculate measure". They agree with the house vocabulary (0, 2, 4);
/// trec_eval's usage status 1 is kept for compatibility.
/// </summary>
internal static class EvalExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad command line (unknown option or measure, wrong number of files).</summary>
    public const int Usage = 1;

    /// <summary>A file cannot be read, a line is malformed, or a measure's parameters are invalid.</summary>
    public const int Input = 2;

    /// <summary>A qrels query has no results in the run without <c>-c</c>; a duplicate docno; utility without 4 values.</summary>
    public const int CalculationFailed = 4;

    /// <summary>The one place an <see cref="EvaluationError"/> becomes an exit status.</summary>
    public static int For(EvaluationError error) => error switch
    {
        EvaluationError.InvalidMeasure => Usage,
        EvaluationError.MissingQuery or EvaluationError.CannotCalculate => CalculationFailed,
        _ => Input,
    };
}
