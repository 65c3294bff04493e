namespace Harness.Core.Provenance;

/// <summary>One dataset a result used (an element of <c>provenance.datasets</c>).</summary>
/// <param name="Id">The dataset plugin id.</param>
/// <param name="Parameters">Its resolved configuration, as the plugin describes it.</param>
/// <param name="ContentHash">The dataset's content hash.</param>
public sealed record DatasetProvenance(string Id, string Parameters, string ContentHash);
