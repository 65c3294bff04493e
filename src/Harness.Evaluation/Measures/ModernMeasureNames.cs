using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Evaluation.Measures;

/// <summary>
/// ir_measures-style names: <c>nDCG@10</c>, <c>RR@10</c>, <c>R@100</c>, <c>P@5</c>, <c>AP</c>, <c>AP@100</c>,
/// <c>Judged@10</c>, <c>Rprec</c>, <c>Bpref</c>, <c>infAP</c>, <c>Success@10</c>, <c>IPrec@0.5</c>, <c>SetP</c>,
/// <c>SetR</c>, <c>SetF</c>, <c>NumRet</c>, <c>NumRel</c>, <c>NumRelRet</c>, <c>NumQ</c>; an optional <c>(rel=N)</c>
/// sets the relevance level of that measure alone (e.g. <c>P(rel=2)@10</c>).
/// </summary>
internal static partial class ModernMeasureNames
{
    public static SelectedMeasure Parse(string text)
    {
        var m = Syntax().Match(text.Trim());
        if (!m.Success)
        {
            throw Unknown(text);
        }

        var name = m.Groups["name"].Value;
        var cut = m.Groups["cut"].Success ? m.Groups["cut"].Value : null;
        long? level = null;
        if (m.Groups["args"].Success)
        {
            foreach (var arg in m.Groups["args"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kv = arg.Split('=', 2, StringSplitOptions.TrimEntries);
                if (kv.Length != 2 || kv[0] != "rel" || !long.TryParse(kv[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    throw new EvaluationException($"measure '{text}': only the parameter rel=N is supported", EvaluationError.InvalidMeasure);
                }

                level = l;
            }
        }

        long Cut()
        {
            if (cut is null || !long.TryParse(cut, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k <= 0)
            {
                throw new EvaluationException($"measure '{text}' needs an integer cutoff (@k)", EvaluationError.InvalidMeasure);
            }

            return k;
        }

        TrecMeasure measure = name switch
        {
            "nDCG" when cut is null => new NdcgMeasure(),
            "nDCG" => new NdcgCutMeasure([Cut()]),
            "RR" when cut is null => new RecipRankMeasure(),
            "RR" => new RecipRankCutMeasure([Cut()]),
            "R" => new RecallMeasure([Cut()]),
            "P" => new PrecisionMeasure([Cut()]),
            "AP" or "MAP" when cut is null => new MapMeasure(),
            "AP" or "MAP" => new MapCutMeasure([Cut()]),
            "Judged" => new JudgedMeasure([Cut()]),
            "Success" => new SuccessMeasure([Cut()]),
            "IPrec" when cut is not null => new IprecAtRecallMeasure([double.Parse(cut, CultureInfo.InvariantCulture)]),
            "Rprec" or "R-Prec" when cut is null => new RprecMeasure(),
            "Bpref" when cut is null => new BprefMeasure(),
            "infAP" when cut is null => new InfApMeasure(),
            "SetP" when cut is null => new SetPMeasure(),
            "SetR" when cut is null => new SetRecallMeasure(),
            "SetF" when cut is null => new SetFMeasure(),
            "SetAP" when cut is null => new SetMapMeasure(),
            "NumRet" when cut is null => new NumRetMeasure(),
            "NumRel" when cut is null => new NumRelMeasure(),
            "NumRelRet" when cut is null => new NumRelRetMeasure(),
            "NumQ" when cut is null => new NumQMeasure(),
            _ => throw Unknown(text),
        };
        return new SelectedMeasure(measure, [text.Trim()], level);
    }

    private static EvaluationException Unknown(string text) =>
        new($"unknown measure '{text}' (modern names: nDCG@k, RR@k, R@k, P@k, AP, AP@k, Judged@k, Success@k, IPrec@r, Rprec, Bpref, infAP, SetP, SetR, SetF, NumRet, NumRel, NumRelRet, NumQ)", EvaluationError.InvalidMeasure);

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z-]*)(\((?<args>[^)]*)\))?(@(?<cut>[0-9.]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
