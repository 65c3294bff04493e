using System.Globalization;

namespace Harness.Leaderboard.Tables;

/// <summary>The one number format of every rendered table: invariant culture, fixed decimals, so that the same table
/// gives the same text on every machine.</summary>
public static class NumberFormat
{
    /// <summary>What a missing value prints as.</summary>
    public const string Missing = "-";

    /// <summary>A measure value: four decimals.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Value(double value) => double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture) : Special(value);

    /// <summary>A signed difference: four decimals with a sign.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Signed(double value) => double.IsFinite(value) ? value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : Special(value);

    /// <summary>A p-value: four decimals, or <c>&lt;0.0001</c>.</summary>
    /// <param name="p">The p-value.</param>
    /// <returns>The text.</returns>
    public static string P(double p) => double.IsNaN(p) ? Missing : p < 0.0001 ? "<0.0001" : p.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>An effect size: two decimals.</summary>
    /// <param name="d">The effect size.</param>
    /// <returns>The text.</returns>
    public static string Effect(double d) => double.IsFinite(d) ? d.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : Special(d);

    /// <summary>A rate as a percentage with one decimal.</summary>
    /// <param name="rate">The rate in [0, 1].</param>
    /// <returns>The text.</returns>
    public static string Percent(double rate) => double.IsFinite(rate) ? (100 * rate).ToString("F1", CultureInfo.InvariantCulture) + "%" : Missing;

    /// <summary>A number for machine-readable attributes (round-trip, invariant).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text (empty for NaN).</returns>
    public static string Raw(double value) => double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Special(double value) => double.IsNaN(value) ? Missing : value > 0 ? "+inf" : "-inf";
}
