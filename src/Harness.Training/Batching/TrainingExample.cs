using Harness.Abstractions.Datasets;

namespace Harness.Training.Batching;

/// <summary>A training query with its labelled positives (corpus ordinals and grades, in id order).</summary>
internal sealed record TrainingExample(Query Query, IReadOnlyList<(int Ordinal, string Id, int Grade)> Positives);
