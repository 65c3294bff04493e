namespace Harness.Evaluation;

/// <summary>What went wrong in an evaluation (the CLI maps each to an exit status).</summary>
public enum EvaluationError
{
    /// <summary>An unknown measure name or a malformed <c>-m</c> argument (trec_eval: "illegal measure").</summary>
    InvalidMeasure,

    /// <summary>Measure parameters that trec_eval cannot initialise (a cutoff &lt;= 0, a repeated cutoff, bad pairs).</summary>
    InvalidParameters,

    /// <summary>A file or stream that cannot be opened or read.</summary>
    Unreadable,

    /// <summary>A malformed line or file: wrong field count, a non-integer relevance, a bad score, an empty qrels.</summary>
    Malformed,

    /// <summary>A qrels query without any line in the run (an error unless <c>-c</c>).</summary>
    MissingQuery,

    /// <summary>trec_eval's "Can't calculate measure": a docno repeated within a query, utility without 4 coefficients.</summary>
    CannotCalculate,
}
