namespace Harness.Core.Provenance;

/// <summary>One plugin a result used (an element of <c>provenance.plugins</c>).</summary>
/// <param name="Kind">The kind's kebab-case name (<c>loss</c>, <c>negative-sampler</c>).</param>
/// <param name="Id">The plugin id.</param>
/// <param name="Version">The plugin's version.</param>
/// <param name="Contract">The contract version it was compiled against (<c>major.minor</c>).</param>
/// <param name="Assembly">The assembly's file name.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the assembly file.</param>
public sealed record PluginProvenance(string Kind, string Id, string Version, string Contract, string Assembly, string Sha256);
