using Harness.Evaluation.Parsing;

namespace Harness.Evaluation.Measures;

/// <summary>trec_eval's parameter parsing: comma-separated values, <c>atol</c>/<c>atof</c> each, cutoffs sorted.</summary>
internal static class MeasureParameters
{
    public static long[] LongCutoffs(string parameters)
    {
        var values = parameters.Split(',').Select(CNumber.Atol).Distinct().ToArray();
        Array.Sort(values);
        return values;
    }

    public static double[] FloatCutoffs(string parameters)
    {
        var values = parameters.Split(',').Select(CNumber.Atof).Distinct().ToArray();
        Array.Sort(values);
        return values;
    }

    public static double[] FloatList(string parameters) => parameters.Split(',').Select(CNumber.Atof).ToArray();

    /// <summary>The name printed for a measure given parameters (trec_eval appends "_" and the parameter text).</summary>
    public static string Printable(string name, string? parameters) => parameters is null ? name : name + "_" + parameters;
}
