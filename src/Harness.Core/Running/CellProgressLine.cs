using System.Globalization;

namespace Harness.Core.Running;

/// <summary>
/// How a cell process reports progress to its parent: one line on standard output,
/// <c>@harness-progress STAGE STEP TOTAL LOSS</c> (<c>-</c> for an unknown number).
/// </summary>
public static class CellProgressLine
{
    /// <summary>The line prefix.</summary>
    public const string Prefix = "@harness-progress ";

    /// <summary>Formats a progress report.</summary>
    /// <param name="progress">The report.</param>
    /// <returns>The line (without newline).</returns>
    public static string Format(CellProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        static string N(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";
        return $"{Prefix}{progress.Stage} {N(progress.Step)} {N(progress.TotalSteps)} {progress.Loss?.ToString("R", CultureInfo.InvariantCulture) ?? "-"}";
    }

    /// <summary>Parses a line; null when it is not a progress line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The report.</returns>
    public static CellProgress? TryParse(string? line)
    {
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[Prefix.Length..].Split(' ');
        if (parts.Length != 4)
        {
            return null;
        }

        static long? L(string s) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new CellProgress(parts[0], L(parts[1]), L(parts[2]), double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var loss) ? loss : null);
    }
}
