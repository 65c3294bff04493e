namespace Harness.Evaluation.Measures;

/// <summary>trec_eval's parameter parsing: comma-separated values, <c>atol</c>/<c>atof</c> each, cutoffs sorted.</summary>
internal static class MeasureParameters
{
    /// <summary>meas_init.c get_long_cutoffs: sorted; a cutoff &lt;= 0 or a repeated one fails initialisation (exit 2).</summary>
    public static long[] LongCutoffs(string parameters)
    {
        var values = parameters.Split(',').Select(CNumber.Atol).ToArray();
        Array.Sort(values);
        if (values[0] <= 0)
        {
            throw new EvaluationException($"Negative cutoff detected in '{parameters}' (trec_eval: Cannot initialize measure)", EvaluationError.InvalidParameters);
        }

        RejectDuplicates(values, parameters);
        return values;
    }

    /// <summary>meas_init.c get_double_cutoffs: sorted; a repeated cutoff fails initialisation (exit 2).</summary>
    public static double[] FloatCutoffs(string parameters)
    {
        var values = parameters.Split(',').Select(CNumber.Atof).ToArray();
        Array.Sort(values);
        RejectDuplicates(values, parameters);
        return values;
    }

    private static void RejectDuplicates<T>(T[] sorted, string parameters)
        where T : IEquatable<T>
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i - 1].Equals(sorted[i]))
            {
                throw new EvaluationException($"duplicate cutoffs detected in '{parameters}' (trec_eval: Cannot initialize measure)", EvaluationError.InvalidParameters);
            }
        }
    }

    public static double[] FloatList(string parameters) => parameters.Split(',').Select(CNumber.Atof).ToArray();

    /// <summary>The name printed for a measure given parameters (trec_eval appends "_" and the parameter text).</summary>
    public static string Printable(string name, string? parameters) => parameters is null ? name : name + "_" + parameters;
}
