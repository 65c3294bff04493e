using Harness.Evaluation.Output;

namespace Harness.Evaluation.Tests.Output;

/// <summary>printf("%6.4f") and atof/atol as glibc does them.</summary>
public sealed class NumberFormatTests
{
    [TestCase(0.0, "0.0000")]
    [TestCase(1.0 / 3, "0.3333")]
    [TestCase(2.0 / 3, "0.6667")]
    // exact binary ties round to even, as glibc does (.NET's "F4" would give 0.0313)
    [TestCase(0.03125, "0.0312")]
    [TestCase(0.09375, "0.0938")]
    [TestCase(1.00005, "1.0001")]
    [TestCase(-412.66666666666669, "-412.6667")]
    [TestCase(-0.0, "-0.0000")]
    // .NET's double.NaN has the sign bit set, like x86's 0.0/0.0, for which glibc prints "-nan"
    [TestCase(double.NaN, "  -nan")]
    [TestCase(double.PositiveInfinity, "   inf")]
    [TestCase(1e20, "100000000000000000000.0000")]
    [TestCase(4.9e-324, "0.0000")]
    public void Fixed_four_decimals_like_printf(double value, string expected) =>
        Assert.That(CFormat.Fixed(value, 4, 6), Is.EqualTo(expected));

    [Test]
    public void Fixed_matches_exact_rational_rounding_over_many_magnitudes()
    {
        // Reference: the double's exact value m * 2^e as a fraction, times 10^d, rounded half to even with BigInteger.
        var random = new Random(20261130);
        for (var i = 0; i < 20000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(0, 0x7FF0000000000000)) switch
            {
                var v when i % 4 == 0 => v,
                _ => random.NextDouble() * Math.Pow(10, random.Next(-6, 22)),
            };
            var decimals = i % 3 == 0 ? 2 : 4;
            Assert.That(CFormat.Fixed(value, decimals, 0), Is.EqualTo(Reference(value, decimals)), $"value {value:R}, {decimals} decimals");
        }
    }

    private static string Reference(double value, int decimals)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = new System.Numerics.BigInteger(bits & 0xFFFFFFFFFFFFFL);
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa += System.Numerics.BigInteger.One << 52;
        }

        var e = exponent - 1075;
        var numerator = mantissa * System.Numerics.BigInteger.Pow(10, decimals) * (e > 0 ? System.Numerics.BigInteger.Pow(2, e) : 1);
        var denominator = e < 0 ? System.Numerics.BigInteger.Pow(2, -e) : System.Numerics.BigInteger.One;
        var q = System.Numerics.BigInteger.DivRem(numerator, denominator, out var r);
        if (2 * r > denominator || (2 * r == denominator && !q.IsEven))
        {
            q++;
        }

        var digits = q.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return digits[..^decimals] + "." + digits[^decimals..];
    }

    [Test]
    public void Positive_nan_prints_nan() => Assert.That(CFormat.Fixed(BitConverter.Int64BitsToDouble(0x7FF8000000000000), 4, 6), Is.EqualTo("   nan"));

    [TestCase(0.1, "0.10")]
    [TestCase(0.35, "0.35")]
    [TestCase(0.125, "0.12")]
    [TestCase(5.0, "5.00")]
    public void Two_decimals_for_float_cutoff_names(double value, string expected) =>
        Assert.That(CFormat.Fixed(value, 2, 3), Is.EqualTo(expected));

    [TestCase("2.129133", 2.129133)]
    [TestCase("  1.5", 1.5)]
    [TestCase("-.5", -0.5)]
    [TestCase("5.", 5.0)]
    [TestCase("1e-3", 0.001)]
    [TestCase("1E+2xyz", 100.0)]
    [TestCase("1e", 1.0)]
    [TestCase("abc", 0.0)]
    [TestCase("", 0.0)]
    [TestCase("0x10", 16.0)]
    [TestCase("0x1.8p1", 3.0)]
    [TestCase("12345678901234567890123", 1.2345678901234568e22)]
    [TestCase("0.1000000000000000055511151231257827", 0.1)]
    [TestCase("1.7976931348623157e308", 1.7976931348623157e308)]
    [TestCase("inf", double.PositiveInfinity)]
    [TestCase("-Infinity", double.NegativeInfinity)]
    public void Atof_reads_the_longest_valid_prefix(string text, double expected) =>
        Assert.That(CNumber.Atof(text), Is.EqualTo(expected));

    [Test]
    public void Atof_of_nan_is_nan() => Assert.That(double.IsNaN(CNumber.Atof("nan")), Is.True);

    [TestCase("12", 12L)]
    [TestCase(" -3x", -3L)]
    [TestCase("2.9", 2L)]
    [TestCase("+7", 7L)]
    [TestCase("x", 0L)]
    [TestCase("99999999999999999999", long.MaxValue)]
    public void Atol_reads_leading_digits(string text, long expected) => Assert.That(CNumber.Atol(text), Is.EqualTo(expected));
}
