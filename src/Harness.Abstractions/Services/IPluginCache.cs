namespace Harness.Abstractions.Services;

/// <summary>
/// The host's shared cache (<c>HARNESS_CACHE</c>), offered to plugins through <c>IPluginContext.Services</c>. Entries
/// are folders keyed by content (a dataset content hash, a source hash), grouped in areas (<c>bm25</c>,
/// <c>datasets/NAME</c>). The host writes an entry atomically with a completion record, and rebuilds an entry it finds
/// incomplete or corrupt, so a caller sees a complete entry or none.
/// </summary>
public interface IPluginCache
{
    /// <summary>The cache root folder (absolute), for data fetched into the cache by scripts.</summary>
    string Root { get; }

    /// <summary>Whether a complete entry exists.</summary>
    /// <param name="area">A relative folder for one kind of entry, for example <c>bm25</c>.</param>
    /// <param name="key">The entry key: letters, digits, '-', '_' and '.'.</param>
    /// <returns>True when a complete entry is stored.</returns>
    bool Contains(string area, string key);

    /// <summary>
    /// Returns the folder of a complete entry, building it first when it is missing, incomplete or corrupt.
    /// <paramref name="build"/> writes the entry's files into the empty folder it is given; the host records and
    /// publishes them when it returns and removes them when it throws.
    /// </summary>
    /// <param name="area">A relative folder for one kind of entry.</param>
    /// <param name="key">The entry key.</param>
    /// <param name="build">Writes the entry's files into the given folder.</param>
    /// <returns>The entry's folder; its files must not be modified.</returns>
    string GetOrCreate(string area, string key, Action<string> build);
}
