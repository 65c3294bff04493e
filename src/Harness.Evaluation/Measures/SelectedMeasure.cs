namespace Harness.Evaluation.Measures;

/// <summary>A measure in a <see cref="MeasureSet"/>: the computation, the names it prints, and an optional own relevance level.</summary>
internal sealed record SelectedMeasure(TrecMeasure Measure, IReadOnlyList<string> Names, long? RelevanceLevel);
