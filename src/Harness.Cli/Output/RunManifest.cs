namespace Harness.Cli.Output;

/// <summary>What a <c>harness retrieve</c> run did and on which data: enough for a reviewer to reproduce it.</summary>
internal sealed record RunManifest(
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
    string HarnessVersion);
