namespace Harness.Core.PluginHost;

/// <summary>A folder on the plugin search path.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="ExplicitlyGiven">True when the user named it (a missing folder is then an error, not silence).</param>
/// <param name="Origin">Where it came from: <c>built-in</c>, <c>--plugins</c> or <c>HARNESS_PLUGINS</c>.</param>
public sealed record PluginDirectory(string Path, bool ExplicitlyGiven, string Origin);
