using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
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

    private static readonly ulong[] Pow10 =
    [
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000,
        1000000000000, 10000000000000, 100000000000000, 1000000000000000, 10000000000000000, 100000000000000000,
        1000000000000000000, 10000000000000000000,
    ];

    /// <summary>round_half_even(value * 10^decimals) as decimal digits.</summary>
    // ReadyToRun cannot precompile UInt128 arithmetic (a type outside the assembly's version bubble), so this would start
    // in tier-0 code (a call per UInt128 operator) for the ~20,000 values of a large -q output; compiled fully optimised
    // once instead, in the background by HotPaths when harness eval starts.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        // The same exact arithmetic in 128 bits when it fits (mantissa < 2^53 times 10^19 < 2^64 does; a left shift
        // must not overflow), without BigInteger's allocations: every printed value goes through here.
        var scaled128 = decimals <= 19 ? (UInt128)mantissa * Pow10[decimals] : UInt128.MaxValue;
        if (decimals <= 19 && (e < 0 || UInt128.LeadingZeroCount(scaled128) > (UInt128)e))
        {
            UInt128 q128;
            if (e >= 0)
            {
                q128 = scaled128 << e;
            }
            else if (-e >= 120)
            {
                q128 = 0; // below 2^-3 after scaling: rounds to 0
            }
            else
            {
                var shift = -e;
                q128 = scaled128 >> shift;
                var twice = (scaled128 - (q128 << shift)) << 1;
                var denominator = UInt128.One << shift;
                if (twice > denominator || (twice == denominator && (q128 & 1) != 0))
                {
                    q128++;
                }
            }

            return q128.ToString(CultureInfo.InvariantCulture);
        }

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
