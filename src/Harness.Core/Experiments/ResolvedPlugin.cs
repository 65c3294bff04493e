using Harness.Abstractions.Plugins;

namespace Harness.Core.Experiments;

/// <summary>
/// A plugin configuration of a cell, resolved against the loaded plugins: what it is (id, version, the SHA-256 of its
/// assembly) and its typed parameters. The <c>none</c> reranker has version <c>builtin</c> and no assembly.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Id">The plugin id.</param>
/// <param name="Version">The plugin's version.</param>
/// <param name="AssemblyPath">The plugin assembly (empty for <c>none</c>).</param>
/// <param name="AssemblySha256">Lower-case hex SHA-256 of the assembly file (empty for <c>none</c>).</param>
/// <param name="Parameters">Every declared parameter with its value.</param>
/// <param name="Plugin">The plugin object (null for <c>none</c>).</param>
public sealed record ResolvedPlugin(PluginKind Kind, string Id, string Version, string AssemblyPath, string AssemblySha256, PluginParameters Parameters, IPlugin? Plugin)
{
    /// <summary>The canonical text form, part of the cell id: <c>id@version#sha256(params)</c>.</summary>
    /// <returns>The text.</returns>
    public string Canonical() => $"{Id}@{Version}#{AssemblySha256}({Parameters})";

    /// <summary><c>id(params)</c> as result rows print it.</summary>
    /// <returns>The text.</returns>
    public string Describe() => Parameters.Count == 0 ? Id : $"{Id}({Parameters})";
}
