namespace Harness.Core.Provenance;

/// <summary>What a <c>harness retrieve</c> run did and on which data: enough for a reviewer to reproduce it.</summary>
/// <param name="RunId">The run name in run.trec.</param>
/// <param name="DatasetPlugin">The dataset plugin id.</param>
/// <param name="DatasetConfig">The dataset's resolved configuration.</param>
/// <param name="DatasetName">The dataset's name.</param>
/// <param name="DatasetContentHash">The dataset's content hash.</param>
/// <param name="Split">The split retrieved (train, dev, test).</param>
/// <param name="Queries">Queries retrieved.</param>
/// <param name="Documents">Documents in the corpus.</param>
/// <param name="Method">The method's configuration, for example <c>bm25(k1=0.9,b=0.4)</c>.</param>
/// <param name="Depth">Documents retrieved per query.</param>
/// <param name="Seed">The seed given to the plugins.</param>
/// <param name="LoadSeconds">Seconds to load the dataset.</param>
/// <param name="RetrieveSeconds">Seconds to index or encode and retrieve.</param>
/// <param name="ContractVersion">The host's contract version.</param>
/// <param name="HarnessVersion">The harness version.</param>
/// <param name="CreatedUtc">When the run finished (ISO 8601, UTC).</param>
public sealed record RunManifest(
    string RunId,
    string DatasetPlugin,
    string DatasetConfig,
    string DatasetName,
    string DatasetContentHash,
    string Split,
    int Queries,
    int Documents,
    string Method,
    int Depth,
    int Seed,
    double LoadSeconds,
    double RetrieveSeconds,
    string ContractVersion,
    string HarnessVersion,
    string CreatedUtc);
