using Harness.Abstractions.Datasets;

namespace Harness.Data.Hashing;

/// <summary>
/// The content hash of a dataset. The canonical form is defined once, by the contract
/// (<see cref="DatasetContentHash"/>); this type forwards to it so existing callers keep working.
/// </summary>
public static class DatasetHasher
{
    /// <summary>The version of the canonical form; changes when the serialisation changes.</summary>
    public const string FormatVersion = DatasetContentHash.FormatVersion;

    /// <summary>Hashes a dataset with <see cref="DatasetContentHash.Compute"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    public static string Compute(IDataset dataset) => DatasetContentHash.Compute(dataset);
}
