using System.Globalization;
using System.Numerics;
using System.Text;

namespace Harness.Evaluation.Output;

/// <summary>
/// glibc <c>printf("%W.Pf")</c>: the exact binary value rounded to P decimals, ties to even, right-aligned in W;
/// nan/inf spelled as glibc does. .NET's "F4" rounds ties away from zero, so it cannot be used.
/// </summary>
internal static class CFormat
{
    public static string Fixed(double value, int decimals, int width)
    {
        var sb = new StringBuilder(16);
        AppendFixed(sb, value, decimals, width);
        return sb.ToString();
    }

    public static void AppendFixed(StringBuilder sb, double value, int decimals, int width)
    {
        var start = sb.Length;
        var negative = double.IsNegative(value);
        if (double.IsNaN(value))
        {
            sb.Append(negative ? "-nan" : "nan");
        }
        else if (double.IsInfinity(value))
        {
            sb.Append(negative ? "-inf" : "inf");
        }
        else
        {
            if (negative)
            {
                sb.Append('-');
            }

            var digits = RoundedDigits(Math.Abs(value), decimals);
            if (digits.Length <= decimals)
            {
                digits = new string('0', decimals + 1 - digits.Length) + digits;
            }

            sb.Append(digits, 0, digits.Length - decimals);
            if (decimals > 0)
            {
                sb.Append('.');
                sb.Append(digits, digits.Length - decimals, decimals);
            }
        }

        var written = sb.Length - start;
        if (written < width)
        {
            sb.Insert(start, " ", width - written);
        }
    }

    /// <summary>round_half_even(value * 10^decimals) as decimal digits.</summary>
    private static string RoundedDigits(double value, int decimals)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = (ulong)bits & 0xFFFFFFFFFFFFFUL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1UL << 52;
        }

        var e = exponent - 1075; // value = mantissa * 2^e
        var scaled = (BigInteger)mantissa * BigInteger.Pow(10, decimals);
        BigInteger q;
        if (e >= 0)
        {
            q = scaled << e;
        }
        else
        {
            var shift = -e;
            q = scaled >> shift;
            var remainder = scaled - (q << shift);
            var twice = remainder << 1;
            var denominator = BigInteger.One << shift;
            var cmp = twice.CompareTo(denominator);
            if (cmp > 0 || (cmp == 0 && !q.IsEven))
            {
                q += 1;
            }
        }

        return q.ToString(CultureInfo.InvariantCulture);
    }
}
