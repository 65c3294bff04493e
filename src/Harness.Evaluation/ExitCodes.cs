namespace Harness.Evaluation;

/// <summary>Exit statuses of <c>harness eval</c> (the trec_eval 10.0 ones where it has them).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad command line (unknown option or measure, wrong number of files).</summary>
    public const int Usage = 1;

    /// <summary>A file cannot be read, a line is malformed, or a measure's parameters are invalid.</summary>
    public const int Input = 2;

    /// <summary>A qrels query has no results in the run and <c>-c</c> was not given.</summary>
    public const int MissingQuery = 4;

    /// <summary>
    /// trec_eval's "Can't calculate measure" (exit 4): a docno repeated within a query of the run or the qrels
    /// (form_res_rels), or utility without exactly 4 coefficients.
    /// </summary>
    public const int CalculationFailed = 4;
}
