using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>A scalar as written in a spec file, with where it was written.</summary>
/// <param name="Text">The scalar's text (YAML plain or quoted).</param>
/// <param name="Location">Where it was written.</param>
public sealed record SpecValue(string Text, SpecLocation Location);
