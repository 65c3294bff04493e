using System.Globalization;
using System.Text.RegularExpressions;

namespace Harness.Core.Experiments;

/// <summary>Durations as specs and flags write them: <c>90</c> (seconds), <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>2h</c>.</summary>
public static partial class DurationText
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration.</param>
    /// <returns>Whether the text is a duration.</returns>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return double.IsFinite(seconds);
        }

        var match = Pattern().Match(text);
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        double Part(string group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        value = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        return true;
    }

    /// <summary>Formats as Slurm's <c>--time</c> wants it (<c>D-HH:MM:SS</c>).</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text.</returns>
    public static string ToSlurm(TimeSpan value) =>
        $"{(int)value.TotalDays}-{value.Hours:00}:{value.Minutes:00}:{Math.Max(1, value.Seconds):00}";

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m)?(?:(?<s>\d+(?:\.\d+)?)s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
