using System.Collections;

namespace Harness.Abstractions.Plugins;

/// <summary>
/// The resolved parameters of one plugin configuration: every declared parameter with its typed value (given or
/// default), in declaration order. Immutable. Its <see cref="ToString"/> is canonical (<c>a=1,b=0.5</c>) and is
/// what result metadata and content-addressed keys use.
/// </summary>
public sealed class PluginParameters : IReadOnlyDictionary<string, object>
{
    private readonly IReadOnlyList<KeyValuePair<string, object>> _ordered;
    private readonly Dictionary<string, object> _byName;

    private PluginParameters(IReadOnlyList<KeyValuePair<string, object>> ordered)
    {
        _ordered = ordered;
        _byName = ordered.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    /// <summary>Parameters of a plugin that declares none.</summary>
    public static PluginParameters Empty { get; } = new([]);

    /// <summary>
    /// Resolves given values against declared parameters: converts and validates each given value, fills defaults,
    /// and rejects names that are not declared. Every problem is reported at once.
    /// </summary>
    /// <param name="specs">The plugin's declared parameters.</param>
    /// <param name="given">Values set by a spec or command line (strings, numbers or bools), or null.</param>
    /// <returns>The resolved parameters.</returns>
    /// <exception cref="PluginParameterException">One or more values are unknown or invalid.</exception>
    public static PluginParameters Resolve(IReadOnlyList<ParameterSpec> specs, IReadOnlyDictionary<string, object?>? given = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var errors = new List<string>();
        var known = specs.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (given is not null)
        {
            foreach (var name in given.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
            {
                errors.Add(known.Count == 0
                    ? $"unknown parameter '{name}' (this plugin takes no parameters)"
                    : $"unknown parameter '{name}' (known: {string.Join(", ", specs.Select(s => s.Name))})");
            }
        }

        var values = new List<KeyValuePair<string, object>>(specs.Count);
        foreach (var spec in specs)
        {
            if (given is not null && given.TryGetValue(spec.Name, out var raw))
            {
                try
                {
                    values.Add(new(spec.Name, spec.Convert(raw)));
                }
                catch (FormatException e)
                {
                    errors.Add($"parameter '{spec.Name}': {e.Message}");
                }
            }
            else
            {
                values.Add(new(spec.Name, spec.DefaultValue));
            }
        }

        return errors.Count > 0 ? throw new PluginParameterException(errors) : new PluginParameters(values);
    }

    /// <summary>Resolves string values (from <c>name=value</c> pairs) against declared parameters.</summary>
    /// <param name="specs">The plugin's declared parameters.</param>
    /// <param name="given">Values by name.</param>
    /// <returns>The resolved parameters.</returns>
    /// <exception cref="PluginParameterException">One or more values are unknown or invalid.</exception>
    public static PluginParameters Resolve(IReadOnlyList<ParameterSpec> specs, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        return Resolve(specs, given.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal));
    }

    /// <summary>The parameter values in declaration order.</summary>
    public int Count => _ordered.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _ordered.Select(p => p.Key);

    /// <inheritdoc />
    public IEnumerable<object> Values => _ordered.Select(p => p.Value);

    /// <inheritdoc />
    public object this[string key] => _byName.TryGetValue(key, out var v)
        ? v
        : throw new KeyNotFoundException($"no parameter '{key}' (known: {string.Join(", ", Keys)})");

    /// <summary>An integer parameter's value.</summary>
    /// <param name="name">Parameter name.</param>
    /// <returns>The value.</returns>
    public int GetInt(string name) => (int)this[name];

    /// <summary>A floating-point parameter's value.</summary>
    /// <param name="name">Parameter name.</param>
    /// <returns>The value.</returns>
    public double GetDouble(string name) => (double)this[name];

    /// <summary>A boolean parameter's value.</summary>
    /// <param name="name">Parameter name.</param>
    /// <returns>The value.</returns>
    public bool GetBool(string name) => (bool)this[name];

    /// <summary>A string or choice parameter's value.</summary>
    /// <param name="name">Parameter name.</param>
    /// <returns>The value.</returns>
    public string GetString(string name) => (string)this[name];

    /// <inheritdoc />
    public bool ContainsKey(string key) => _byName.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object value) => _byName.TryGetValue(key, out value!);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _ordered.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The canonical text form, <c>name=value</c> pairs joined by commas in declaration order.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(",", _ordered.Select(p => $"{p.Key}={ParameterSpec.Format(p.Value)}"));
}
