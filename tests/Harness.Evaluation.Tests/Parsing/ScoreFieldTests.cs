using System.Globalization;
using System.Text;
using Harness.Evaluation.Internal.Parsing;

namespace Harness.Evaluation.Tests.Parsing;

/// <summary>
/// The run reader's one-pass score parser: where it answers, its value is bit for bit CNumber.Atof's (which is checked
/// against glibc-style rounding elsewhere) and the field is strict; where it declines, the slow path decides.
/// </summary>
public sealed class ScoreFieldTests
{
    [TestCase("50.00", 50.0)]
    [TestCase("0.25", 0.25)]
    [TestCase("-3.75", -3.75)]
    [TestCase("+7", 7.0)]
    [TestCase("5.", 5.0)]
    [TestCase(".5", 0.5)]
    [TestCase("0.1", 0.1)]
    [TestCase("-0", -0.0)]
    [TestCase("9007199254740991", 9007199254740991.0)]
    [TestCase(".0000000000000000001", 1e-19)]
    public void Plain_decimals_are_read_like_atof(string field, double expected)
    {
        Assert.That(ScoreField.TryParse(Encoding.ASCII.GetBytes(field), out var value), Is.True);
        Assert.That(BitConverter.DoubleToInt64Bits(value), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), field);
        Assert.That(BitConverter.DoubleToInt64Bits(value), Is.EqualTo(BitConverter.DoubleToInt64Bits(CNumber.Atof(field))), field);
    }

    [TestCase("1e5")]
    [TestCase("1.5E-3")]
    [TestCase("inf")]
    [TestCase("nan")]
    [TestCase("0x1p3")]
    [TestCase("1.5x")]
    [TestCase("x")]
    [TestCase(".")]
    [TestCase("-")]
    [TestCase("1.2.3")]
    [TestCase("--1")]
    [TestCase("9007199254740992")] // 2^53: beyond the exact-mantissa fast path
    [TestCase("12345678901234567890")] // 20 digits
    [TestCase("0.00000000000000000000001")] // 23 digits after the point
    public void Anything_else_is_left_to_the_slow_path(string field) =>
        Assert.That(ScoreField.TryParse(Encoding.ASCII.GetBytes(field), out _), Is.False, field);

    [Test]
    public void Random_fields_agree_with_atof_and_the_strict_check()
    {
        var rng = new Random(20261130);
        var alphabet = "0123456789012345678901234567890123456789.-+eEx "u8.ToArray();
        var fast = 0;
        for (var round = 0; round < 200_000; round++)
        {
            var length = 1 + rng.Next(24);
            var bytes = new byte[length];
            for (var k = 0; k < length; k++)
            {
                bytes[k] = alphabet[rng.Next(alphabet.Length)];
            }

            if (!ScoreField.TryParse(bytes, out var value))
            {
                continue;
            }

            fast++;
            var text = Encoding.ASCII.GetString(bytes);
            var atof = CNumber.Atof(bytes);
            Assert.That(BitConverter.DoubleToInt64Bits(value), Is.EqualTo(BitConverter.DoubleToInt64Bits(atof)), text);
            Assert.That(CNumber.IsStrictDecimal(bytes, atof), Is.True, text);
            if (!text.StartsWith('+') && text != "." && !text.EndsWith('.'))
            {
                Assert.That(value, Is.EqualTo(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), text);
            }
        }

        Assert.That(fast, Is.GreaterThan(10_000));
    }
}
