namespace Harness.Core.Caching;

/// <summary>The cache cannot be written (no permission, a read-only or full file system). The message names the folder.</summary>
public sealed class CacheWriteException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The folder that could not be written.</param>
    /// <param name="inner">The file-system error.</param>
    public CacheWriteException(string path, Exception inner)
        : base($"cannot write the cache folder {path}: {Reason(inner)}", inner)
    {
        Path = path;
    }

    /// <summary>The folder that could not be written.</summary>
    public string Path { get; }

    /// <summary>The file-system error without the path .NET repeats in its message.</summary>
    /// <param name="e">The error.</param>
    /// <returns>A short reason.</returns>
    public static string Reason(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException => "a part of the path is missing or is not a folder",
            IOException { HResult: 28 } => "no space left on device",
            IOException { HResult: 30 } => "read-only file system",
            _ => WithoutPath(e.Message),
        };
    }

    /// <summary>.NET's IO messages quote the path (<c>... : 'PATH'</c>); the caller names the path itself.</summary>
    private static string WithoutPath(string message)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(message, @"\s*:?\s*'[^']*'", string.Empty).TrimEnd('.', ' ');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
