using Harness.Evaluation.Measures;

namespace Harness.Evaluation;

/// <summary>One printed value of an evaluation: its name, how it prints, and whether it has per-query values.</summary>
public sealed record MeasureColumn(string Name, MeasureValueKind Kind, bool PerQuery);
