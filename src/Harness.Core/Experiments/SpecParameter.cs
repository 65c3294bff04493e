using Harness.Core.Validation;

namespace Harness.Core.Experiments;

/// <summary>
/// A parameter set in a spec: one value, or a list of values (a matrix axis: one cell per value).
/// </summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Values">The value, or the axis values in spec order.</param>
/// <param name="IsAxis">Whether the spec gave a list (an axis), even of one value.</param>
/// <param name="Location">Where the parameter's key was written.</param>
/// <param name="KeyPath">Its key path, for example <c>losses[0].infonce.temperature</c>.</param>
public sealed record SpecParameter(string Name, IReadOnlyList<SpecValue> Values, bool IsAxis, SpecLocation Location, string KeyPath);
