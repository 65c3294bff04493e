using Harness.Evaluation.Measures;

namespace Harness.Evaluation;

/// <summary>
/// Which measures to compute and the names they print. trec_eval measures (<c>-m name[.params]</c>, nicknames
/// official, all_trec, set) print in trec_eval's table order; modern names (<c>nDCG@10</c>...) follow in the given order.
/// </summary>
public sealed class MeasureSet
{
    private MeasureSet(IReadOnlyList<SelectedMeasure> measures)
    {
        Measures = measures;
        Names = [.. measures.SelectMany(m => m.Names)];
    }

    // Built on first use, not with the type: `harness eval` parses its own -m list and should not pay for these.

    /// <summary>trec_eval's default (<c>-m official</c>).</summary>
    public static MeasureSet Official => field ??= Parse(["official"], []);

    /// <summary>Every supported trec_eval measure (<c>-m all_trec</c>).</summary>
    public static MeasureSet AllTrec => field ??= Parse(["all_trec"], []);

    /// <summary>The printed names of all values, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    internal IReadOnlyList<SelectedMeasure> Measures { get; }

    /// <summary>Modern (ir_measures-style) names only, e.g. <c>nDCG@10</c>, <c>RR@10</c>, <c>R@100</c>.</summary>
    public static MeasureSet FromNames(params string[] modernNames) => Parse([], modernNames);

    /// <summary>Builds a set from trec_eval <c>-m</c> arguments and modern names.</summary>
    /// <exception cref="EvaluationException">An unknown measure or bad parameters (exit status 1).</exception>
    public static MeasureSet Parse(IEnumerable<string> trecSpecs, IEnumerable<string> modernNames)
    {
        ArgumentNullException.ThrowIfNull(trecSpecs);
        ArgumentNullException.ThrowIfNull(modernNames);
        var table = MeasureCatalog.Table;
        var chosen = new bool[table.Count];
        var parameters = new string?[table.Count];
        foreach (var spec in trecSpecs)
        {
            var dot = spec.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? spec : spec[..dot];
            var param = dot < 0 ? null : spec[(dot + 1)..];
            if (param is { Length: 0 })
            {
                // trec_eval.c add_meas_arg_info: "improper measure in parameter", then "illegal measure", exit 1.
                throw new EvaluationException($"improper measure in parameter '{name}' (empty parameters after '.')", EvaluationError.InvalidMeasure);
            }

            if (MeasureCatalog.Nickname(name) is { } group)
            {
                foreach (var member in group)
                {
                    chosen[MeasureCatalog.IndexOf(member)] = true;
                }

                continue;
            }

            var index = MeasureCatalog.IndexOf(name);
            if (index < 0)
            {
                throw new EvaluationException($"unknown trec_eval measure '{name}'", EvaluationError.InvalidMeasure);
            }

            chosen[index] = true;

            // trec_eval's init_meas uses the first -m name.params given for a measure; later ones are ignored.
            if (param is not null && parameters[index] is null)
            {
                parameters[index] = param;
            }
        }

        var selected = new List<SelectedMeasure>();
        for (var i = 0; i < table.Count; i++)
        {
            if (chosen[i])
            {
                var m = parameters[i] is { } p ? table[i].WithParameters(p) : table[i];
                selected.Add(new SelectedMeasure(m, m.ValueNames, null));
            }
        }

        foreach (var list in modernNames)
        {
            foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                selected.Add(ModernMeasureNames.Parse(name));
            }
        }

        return new MeasureSet(selected);
    }
}
