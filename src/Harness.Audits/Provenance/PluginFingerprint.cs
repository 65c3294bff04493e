namespace Harness.Audits.Provenance;

/// <summary>A plugin as the provenance records it, or as the host finds it now.</summary>
/// <param name="Kind">Kind name (<c>loss</c>, <c>dataset</c>, ...).</param>
/// <param name="Id">Plugin id.</param>
/// <param name="Version">Plugin version.</param>
/// <param name="Assembly">Assembly file name.</param>
/// <param name="Sha256">SHA-256 of the assembly file (lower-case hex).</param>
public sealed record PluginFingerprint(string Kind, string Id, string Version, string Assembly, string Sha256);
