using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Core.Experiments;

/// <summary>
/// Memory sizes as specs write them: <c>1073741824</c> (bytes), <c>512MiB</c>, <c>4GiB</c>, <c>2G</c>, <c>1.5GB</c>
/// (K, M, G, T with or without <c>i</c>/<c>B</c> are all binary multiples, as Slurm and Docker read them).
/// </summary>
public static partial class ByteSizeText
{
    /// <summary>Parses a size.</summary>
    /// <param name="text">The text.</param>
    /// <param name="bytes">The size in bytes.</param>
    /// <returns>Whether the text is a size above zero.</returns>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var unit = match.Groups["u"].Value.ToUpperInvariant();
        var scale = unit.Length == 0 ? 1d : unit[0] switch
        {
            'K' => 1024d,
            'M' => 1024d * 1024,
            'G' => 1024d * 1024 * 1024,
            'T' => 1024d * 1024 * 1024 * 1024,
            _ => 1d,
        };
        var value = n * scale;
        if (!double.IsFinite(value) || value < 1 || value > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    /// <summary>Formats a size for messages (<c>1.5 GiB</c>, <c>300 MiB</c>).</summary>
    /// <param name="bytes">The size.</param>
    /// <returns>The text.</returns>
    public static string Format(long bytes) =>
        bytes >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB");

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<u>(?:[KkMmGgTt](?:i?[Bb])?|[Bb])?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
