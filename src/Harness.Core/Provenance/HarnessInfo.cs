namespace Harness.Core.Provenance;

/// <summary>The harness build that produced a result (the <c>provenance.harness</c> object).</summary>
/// <param name="Version">The product version, for example <c>0.1.0</c>.</param>
/// <param name="Commit">The git commit it was built from (embedded at build time), or <c>unknown</c>.</param>
public sealed record HarnessInfo(string Version, string Commit);
