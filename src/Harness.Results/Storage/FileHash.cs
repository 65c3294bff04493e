using System.Security.Cryptography;

namespace Harness.Results.Storage;

/// <summary>SHA-256 of files, as lower-case hex (the form manifests record).</summary>
public static class FileHash
{
    /// <summary>Hashes one file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }

    /// <summary>The files of a cell folder that its manifest must cover: every file below it, recursively, except the
    /// manifest itself and temporary files, as relative paths with <c>/</c> separators in ordinal order.</summary>
    /// <param name="directory">The cell folder.</param>
    /// <returns>Relative paths.</returns>
    public static IReadOnlyList<string> CoveredFiles(string directory)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == Manifests.CellManifest.FileName || AtomicFile.IsTemporary(Path.GetFileName(file)))
            {
                continue;
            }

            files.Add(relative);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
