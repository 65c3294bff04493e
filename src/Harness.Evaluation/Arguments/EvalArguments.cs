using Harness.Evaluation.Output;

namespace Harness.Evaluation.Arguments;

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
}
