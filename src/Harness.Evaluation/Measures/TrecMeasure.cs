using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// One entry of trec_eval's measure table (measures.c): a name, the value names it prints (one per cutoff for the
/// cutoff families), how it is printed and averaged, and the per-query computation on a <see cref="QueryRanking"/>.
/// </summary>
internal abstract class TrecMeasure
{
    /// <summary>The name used with <c>-m</c> (before any <c>.params</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The printed names, one per value.</summary>
    public abstract IReadOnlyList<string> ValueNames { get; }

    public virtual MeasureValueKind Kind => MeasureValueKind.Float;

    public virtual MeasureAggregation Aggregation => MeasureAggregation.Mean;

    /// <summary>Whether <c>-q</c> prints per-query lines (false for runid and num_q).</summary>
    public virtual bool PrintsPerQuery => true;

    /// <summary>Whether the measure reads the relevance level (false for ndcg and Judged, which use levels directly).</summary>
    public virtual bool UsesRelevanceLevel => true;

    /// <summary>
    /// Whether trec_eval -c resets the value to 0 for a query missing from the run (it resets the values named exactly
    /// "num_ret" and "utility" after scoring the one-document stand-in ranking).
    /// </summary>
    public virtual bool ZeroedForMissingQuery => false;

    /// <summary>
    /// Whether the measure averages over judgment groups (the *_avgjg measures): it needs qrels_jg judgments
    /// (<c>-R qrels_jg</c>), and with them only these, runid and num_q can be computed (as in trec_eval).
    /// </summary>
    public virtual bool NeedsJudgmentGroups => false;

    /// <summary>
    /// Whether the measure counts preferences (the prefs_* measures, <see cref="PreferenceMeasure"/>): it needs
    /// preference judgments (<c>-R prefs</c> or <c>-R qrels_prefs</c>).
    /// </summary>
    public virtual bool NeedsPreferences => false;

    /// <summary>A copy configured with the text after the first '.' of <c>-m name.params</c>.</summary>
    public virtual TrecMeasure WithParameters(string parameters) =>
        throw new EvaluationException($"measure '{Name}' takes no parameters (got '{parameters}')", EvaluationError.InvalidMeasure);

    public abstract void Compute(QueryRanking q, Span<double> values);

    /// <summary>The per-query string of a <see cref="MeasureValueKind.QueryText"/> measure.</summary>
    public virtual string ComputeText(QueryRanking q) => string.Empty;
}
