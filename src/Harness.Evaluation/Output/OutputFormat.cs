namespace Harness.Evaluation.Output;

/// <summary>How <c>harness eval</c> prints results.</summary>
public enum OutputFormat
{
    /// <summary>trec_eval's lines: <c>%-22s\t%s\t%6.4f</c>.</summary>
    Trec,

    /// <summary>A compact aligned table (queries as rows, measures as columns).</summary>
    Table,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>Tab-separated <c>query measure value</c> rows with a header.</summary>
    Tsv,
}
