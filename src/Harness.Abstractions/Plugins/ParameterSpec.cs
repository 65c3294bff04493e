using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Abstractions.Plugins;

/// <summary>
/// A typed parameter of a plugin: name, type, default, description and validation. Values are held as
/// <see cref="int"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="string"/> according to <see cref="Type"/>.
/// Create one with <see cref="Int"/>, <see cref="Float"/>, <see cref="Bool"/>, <see cref="String"/> or <see cref="Choice"/>.
/// </summary>
public sealed partial record ParameterSpec
{
    private ParameterSpec(string name, ParameterType type, object defaultValue, string description)
    {
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Description = description;
    }

    /// <summary>The parameter's name as a spec writes it (lower-case, for example <c>temperature</c>).</summary>
    public string Name { get; }

    /// <summary>The value type.</summary>
    public ParameterType Type { get; }

    /// <summary>The value used when a spec does not set the parameter.</summary>
    public object DefaultValue { get; }

    /// <summary>What the parameter controls, for <c>harness plugins list</c>.</summary>
    public string Description { get; }

    /// <summary>Inclusive lower bound for numeric parameters, or null.</summary>
    public double? Minimum { get; init; }

    /// <summary>Inclusive upper bound for numeric parameters, or null.</summary>
    public double? Maximum { get; init; }

    /// <summary>When true, <see cref="Minimum"/> itself is not allowed (for example a temperature must be &gt; 0).</summary>
    public bool ExclusiveMinimum { get; init; }

    /// <summary>The allowed values of a <see cref="ParameterType.Choice"/> parameter.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Declares an integer parameter.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="defaultValue">Default value.</param>
    /// <param name="description">What it controls.</param>
    /// <param name="min">Inclusive lower bound, if any.</param>
    /// <param name="max">Inclusive upper bound, if any.</param>
    /// <returns>The spec.</returns>
    public static ParameterSpec Int(string name, int defaultValue, string description, int? min = null, int? max = null) =>
        new(name, ParameterType.Int, defaultValue, description) { Minimum = min, Maximum = max };

    /// <summary>Declares a floating-point parameter.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="defaultValue">Default value.</param>
    /// <param name="description">What it controls.</param>
    /// <param name="min">Lower bound, if any.</param>
    /// <param name="max">Inclusive upper bound, if any.</param>
    /// <param name="exclusiveMin">Whether <paramref name="min"/> itself is excluded.</param>
    /// <returns>The spec.</returns>
    public static ParameterSpec Float(string name, double defaultValue, string description, double? min = null, double? max = null, bool exclusiveMin = false) =>
        new(name, ParameterType.Float, defaultValue, description) { Minimum = min, Maximum = max, ExclusiveMinimum = exclusiveMin };

    /// <summary>Declares a boolean parameter.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="defaultValue">Default value.</param>
    /// <param name="description">What it controls.</param>
    /// <returns>The spec.</returns>
    public static ParameterSpec Bool(string name, bool defaultValue, string description) =>
        new(name, ParameterType.Bool, defaultValue, description);

    /// <summary>Declares a free-text parameter.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="defaultValue">Default value.</param>
    /// <param name="description">What it controls.</param>
    /// <returns>The spec.</returns>
    public static ParameterSpec String(string name, string defaultValue, string description) =>
        new(name, ParameterType.String, defaultValue, description);

    /// <summary>Declares a parameter that takes one of a fixed set of values.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="defaultValue">Default value; must be one of <paramref name="choices"/>.</param>
    /// <param name="description">What it controls.</param>
    /// <param name="choices">The allowed values.</param>
    /// <returns>The spec.</returns>
    public static ParameterSpec Choice(string name, string defaultValue, string description, params string[] choices) =>
        new(name, ParameterType.Choice, defaultValue, description) { Choices = choices };

    /// <summary>The kind a <see cref="ParameterType.PluginReference"/> parameter names; null for other types.</summary>
    public PluginKind? ReferencedKind { get; init; }

    /// <summary>Declares a parameter that names another plugin configuration.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="kind">The kind of plugin it names.</param>
    /// <param name="defaultValue">Default: <c>id</c>, <c>id(name=value,...)</c>, or empty for none.</param>
    /// <param name="description">What it is used for.</param>
    /// <returns>The spec.</returns>
    public static ParameterSpec PluginReference(string name, PluginKind kind, string defaultValue, string description) =>
        new(name, ParameterType.PluginReference, defaultValue, description) { ReferencedKind = kind };

    /// <summary>Whether <paramref name="name"/> is a valid parameter name.</summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>True for <c>[a-z][a-z0-9_-]*</c>.</returns>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>
    /// Converts a value from a spec file or command line (a string, or a number or bool from YAML/JSON) to this
    /// parameter's type and validates it.
    /// </summary>
    /// <param name="raw">The value as given.</param>
    /// <returns>The typed value.</returns>
    /// <exception cref="FormatException">The value cannot be converted or is out of range; the message says why.</exception>
    public object Convert(object? raw)
    {
        object value = Type switch
        {
            ParameterType.Int => raw switch
            {
                int i => i,
                long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
                double d when Math.Abs(d - Math.Round(d)) < 1e-12 && d is >= int.MinValue and <= int.MaxValue => (int)d,
                string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
                _ => throw new FormatException($"'{raw}' is not an integer"),
            },
            ParameterType.Float => raw switch
            {
                double d => d,
                float f => (double)f,
                int i => (double)i,
                long l => (double)l,
                string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => throw new FormatException($"'{raw}' is not a number"),
            },
            ParameterType.Bool => raw switch
            {
                bool b => b,
                string s when bool.TryParse(s.Trim(), out var b) => b,
                _ => throw new FormatException($"'{raw}' is not true or false"),
            },
            _ => raw switch
            {
                string s => s,
                null => throw new FormatException("a value is required"),
                _ => System.Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty,
            },
        };

        var error = Validate(value);
        return error is null ? value : throw new FormatException(error);
    }

    /// <summary>Checks a typed value against the type, bounds and choices of this parameter.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Null when valid, otherwise what is wrong.</returns>
    public string? Validate(object? value)
    {
        switch (Type)
        {
            case ParameterType.Int when value is int i:
                return CheckRange(i);
            case ParameterType.Float when value is double d:
                return double.IsFinite(d) ? CheckRange(d) : $"{Format(d)} is not a finite number";
            case ParameterType.Bool when value is bool:
                return null;
            case ParameterType.String when value is string:
                return null;
            case ParameterType.PluginReference when value is string r:
                return r.Length == 0 || ReferencePattern().IsMatch(r)
                    ? null
                    : $"'{r}' is not a plugin configuration (id or id(name=value,...))";
            case ParameterType.Choice when value is string s:
                return Choices.Contains(s, StringComparer.Ordinal)
                    ? null
                    : $"'{s}' is not one of {string.Join(", ", Choices)}";
            default:
                return $"expected a value of type {Type.ToString().ToLowerInvariant()}, got {(value is null ? "nothing" : value.GetType().Name)}";
        }
    }

    /// <summary>Formats a value of this parameter the way a spec would write it (invariant culture, round-trip doubles).</summary>
    /// <param name="value">A typed value.</param>
    /// <returns>The text form.</returns>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private string? CheckRange(double v)
    {
        if (Minimum is { } min && (ExclusiveMinimum ? v <= min : v < min))
        {
            return $"{Format(v)} is below the minimum {(ExclusiveMinimum ? "(exclusive) " : string.Empty)}{Format(min)}";
        }

        if (Maximum is { } max && v > max)
        {
            return $"{Format(v)} is above the maximum {Format(max)}";
        }

        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\(.*\))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ReferencePattern();
}
