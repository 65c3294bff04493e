using Microsoft.Win32.SafeHandles;

namespace Harness.Evaluation.Internal.Ranking;

/// <summary>
/// A run reduced to what evaluation needs: the judged queries' results in chunks, the run id, and how many lines
/// <c>--lenient</c> coerced (a score that atof read only a prefix of).
/// </summary>
internal sealed record RunData(RunChunk[] Chunks, string RunId, long CoercedLines = 0)
{
    /// <summary>The plain file the run was read from, open while it is evaluated (to read scored lines again); null otherwise.</summary>
    public SafeFileHandle? Source { get; init; }

    /// <summary>Whether the run was read with <c>--lenient</c>.</summary>
    public bool Lenient { get; init; }
}
