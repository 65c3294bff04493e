using Harness.Evaluation.Internal.Preferences;
using Harness.Evaluation.Internal.Ranking;

namespace Harness.Evaluation.Measures;

/// <summary>
/// A prefs_* measure (trec_eval's m_prefs_*.c): computed from a query's <see cref="PreferenceCounts"/>, so it needs
/// preference judgments (<c>-R prefs</c> or <c>-R qrels_prefs</c>); with them only these, runid and num_q can be
/// computed, as in trec_eval.
/// </summary>
internal abstract class PreferenceMeasure : TrecMeasure
{
    protected PreferenceMeasure(string name)
    {
        Name = name;
        ValueNames = [name];
    }

    public override string Name { get; }

    public override IReadOnlyList<string> ValueNames { get; }

    public override bool NeedsPreferences => true;

    /// <summary>Not reachable: <see cref="Evaluator"/> refuses prefs measures on qrels before ranking anything.</summary>
    public override void Compute(QueryRanking q, Span<double> values) =>
        throw new EvaluationException($"trec_eval: Can't calculate measure '{Name}': it needs preference judgments (-R prefs or -R qrels_prefs)", EvaluationError.CannotCalculate);

    public abstract void ComputePreferences(PreferenceCounts p, Span<double> values);
}
