using Harness.Evaluation;
using Harness.Evaluation.Output;

namespace Harness.Cli.Commands.Eval;

/// <summary>The parsed <c>harness eval</c> command line.</summary>
internal sealed class EvalArguments
{
    public bool Help { get; set; }

    public bool Version { get; set; }

    public bool PerQuery { get; set; }

    public bool Summary { get; set; } = true;

    public EvaluationOptions Options { get; set; } = EvaluationOptions.Default;

    public List<string> TrecMeasures { get; } = [];

    public List<string> ModernMeasures { get; } = [];

    public OutputFormat? Format { get; set; }

    public List<string> Files { get; } = [];

    /// <summary><c>--lenient</c>: trec_eval's atol/atof coercions instead of errors.</summary>
    public bool Lenient { get; set; }

    /// <summary><c>-R</c>: qrels (default) or qrels_jg (judgment groups).</summary>
    public string RelInfoFormat { get; set; } = "qrels";

    /// <summary><c>-Z FILE</c>: z-scores file.</summary>
    public string? ZScoresFile { get; set; }
}
