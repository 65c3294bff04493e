namespace Harness.Core.Running;

/// <summary>
/// An exclusive lock on one cell of a results folder (DIR/.harness/locks/ID.lock), so two processes never write the
/// same cell: .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on Unix, released by the kernel
/// when the holder dies, however it dies.
/// </summary>
public sealed class CellLock : IDisposable
{
    private readonly FileStream _stream;

    private CellLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>The lock file of a cell.</summary>
    /// <param name="resultsRoot">The results folder.</param>
    /// <param name="cellId">The cell.</param>
    /// <returns>The path.</returns>
    public static string PathOf(string resultsRoot, string cellId) => Path.Combine(resultsRoot, ".harness", "locks", cellId + ".lock");

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    /// <param name="resultsRoot">The results folder.</param>
    /// <param name="cellId">The cell.</param>
    /// <returns>The lock, or null.</returns>
    public static CellLock? TryAcquire(string resultsRoot, string cellId)
    {
        var path = PathOf(resultsRoot, cellId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new CellLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
