namespace Harness.Data.Caching;

/// <summary>
/// Entries under the shared cache directory (<c>IPluginContext.CacheDirectory</c>), each a folder named by a key
/// (normally a content hash) and written atomically: built in a temporary sibling folder, then renamed into place.
/// A reader therefore sees either no entry or a complete one; two writers racing for one key both succeed and
/// one result is kept.
/// </summary>
public sealed class CacheDirectory
{
    /// <summary>Creates a view of one area of the cache (for example <c>datasets/debian-descriptions</c>).</summary>
    /// <param name="root">The cache root.</param>
    /// <param name="area">A relative sub-folder for one kind of entry.</param>
    public CacheDirectory(string root, string area)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentException.ThrowIfNullOrEmpty(area);
        Root = Path.GetFullPath(Path.Combine(root, area));
    }

    /// <summary>The folder that holds this area's entries.</summary>
    public string Root { get; }

    /// <summary>The folder of an entry (may not exist).</summary>
    /// <param name="key">The entry key: letters, digits, '-', '_' and '.' only.</param>
    /// <returns>The path.</returns>
    public string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || key.StartsWith('.'))
        {
            throw new ArgumentException($"cache key '{key}' may hold only letters, digits, '-', '_' and '.'", nameof(key));
        }

        return Path.Combine(Root, key);
    }

    /// <summary>Whether a complete entry exists.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when present.</returns>
    public bool Contains(string key) => Directory.Exists(PathOf(key));

    /// <summary>
    /// Returns the entry's folder, building it first when missing. <paramref name="build"/> writes into the empty
    /// temporary folder it is given; that folder is renamed to the entry's path when it returns, or deleted when it
    /// throws.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="build">Writes the entry's files into the given folder.</param>
    /// <returns>The entry's folder.</returns>
    public string GetOrCreate(string key, Action<string> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var target = PathOf(key);
        if (Directory.Exists(target))
        {
            return target;
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".tmp-{key}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            build(temp);
            try
            {
                Directory.Move(temp, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another writer won the race; its entry is equivalent.
                Directory.Delete(temp, recursive: true);
            }
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }

        return target;
    }
}
