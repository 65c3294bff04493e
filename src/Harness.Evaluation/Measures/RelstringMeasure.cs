using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// relstring (m_relstring.c): the relevance values of the first N (default 10) retrieved documents as a string, one
/// character each: 0-9 as digits, above 9 '&gt;', not in the qrels '-', qrels level -1 '.', anything else '&lt;'.
/// Printed on query lines only, quoted; nothing on <c>all</c>. The parameter is read with atof and truncated.
/// </summary>
internal sealed class RelstringMeasure(long length, string? parameters) : TrecMeasure
{
    public RelstringMeasure()
        : this(10, null)
    {
    }

    public override string Name => "relstring";

    public override IReadOnlyList<string> ValueNames { get; } = [MeasureParameters.Printable("relstring", parameters)];

    public override MeasureValueKind Kind => MeasureValueKind.QueryText;

    public override MeasureAggregation Aggregation => MeasureAggregation.None;

    public override TrecMeasure WithParameters(string parameters) =>
        new RelstringMeasure((long)CNumber.Atof(parameters.Split(',')[0]), parameters);

    public override void Compute(QueryRanking q, Span<double> values) => values[0] = 0;

    public override string ComputeText(QueryRanking q)
    {
        var len = (int)Math.Max(0, Math.Min(length, q.NumRet));
        return string.Create(len, q, static (chars, q) =>
        {
            var rels = q.Rels;
            for (var i = 0; i < chars.Length; i++)
            {
                var rel = rels[i];
                chars[i] = rel > 9 ? '>'
                    : rel >= 0 ? (char)('0' + rel)
                    : rel == RelevanceValues.NonPool ? '-'
                    : rel == RelevanceValues.Unjudged ? '.'
                    : '<';
            }
        });
    }
}
