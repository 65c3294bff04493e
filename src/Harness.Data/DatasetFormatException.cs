namespace Harness.Data;

/// <summary>
/// A dataset file is malformed or inconsistent. The message reads <c>file:line: what is wrong</c> so that editors
/// and terminals can jump to the place.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="file">The file (as given to the reader).</param>
    /// <param name="line">The 1-based line number, or 0 when the problem is not tied to one line.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasetFormatException(string file, long line, string problem, Exception? innerException = null)
        : base(Format(file, line, problem), innerException)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DatasetFormatException()
        : this(string.Empty, 0, "malformed dataset")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What is wrong.</param>
    public DatasetFormatException(string message)
        : this(string.Empty, 0, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DatasetFormatException(string message, Exception innerException)
        : this(string.Empty, 0, message, innerException)
    {
    }

    /// <summary>The file the problem is in (empty when not tied to a file).</summary>
    public string File { get; }

    /// <summary>The 1-based line number (0 when not tied to a line).</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }

    private static string Format(string file, long line, string problem) =>
        file.Length == 0 ? problem : line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}";
}
