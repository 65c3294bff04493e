using System.Globalization;
using System.Runtime.CompilerServices;

namespace Harness.Evaluation;

/// <summary>C library number parsing as trec_eval uses it: <c>atof</c> (longest valid prefix, 0 when none) and <c>atol</c>.</summary>
public static class CNumber
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary><c>atof</c>: decimal and special values; correctly rounded like glibc's strtod.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Atof(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        var start = i;
        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        if (i < s.Length && (s[i] | 0x20) is 'i' or 'n')
        {
            return Special(s[i..], negative);
        }

        if (i + 1 < s.Length && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
        {
            return Hex(s[(i + 2)..], negative);
        }

        ulong mantissa = 0;
        var significant = 0;
        var exponent = 0;
        var digits = 0;
        var tooMany = false;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            digits++;
            if (mantissa != 0 || s[i] != '0')
            {
                if (significant < 19)
                {
                    mantissa = (mantissa * 10) + (uint)(s[i] - '0');
                    significant++;
                }
                else
                {
                    tooMany = true;
                    exponent++;
                }
            }

            i++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                digits++;
                if (mantissa != 0 || s[i] != '0')
                {
                    if (significant < 19)
                    {
                        mantissa = (mantissa * 10) + (uint)(s[i] - '0');
                        significant++;
                        exponent--;
                    }
                    else
                    {
                        tooMany = true;
                    }
                }
                else
                {
                    exponent--;
                }

                i++;
            }
        }

        if (digits == 0)
        {
            return 0.0;
        }

        var end = i;
        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            var j = i + 1;
            var expNegative = false;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                expNegative = s[j] == '-';
                j++;
            }

            if (j < s.Length && (uint)(s[j] - '0') <= 9)
            {
                var e = 0;
                while (j < s.Length && (uint)(s[j] - '0') <= 9)
                {
                    if (e < 100000)
                    {
                        e = (e * 10) + (s[j] - '0');
                    }

                    j++;
                }

                exponent += expNegative ? -e : e;
                end = j;
            }
        }

        if (!tooMany && mantissa < (1UL << 53) && exponent >= -22 && exponent <= 22)
        {
            // Clinger's fast path: both operands exact, one correctly rounded operation.
            double m = mantissa;
            var v = exponent < 0 ? m / Pow10[-exponent] : m * Pow10[exponent];
            return negative ? -v : v;
        }

        if (mantissa == 0)
        {
            return negative ? -0.0 : 0.0;
        }

        return double.Parse(s[start..end], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary><c>atol</c>: optional sign and decimal digits after leading white space; 0 when none; clamps on overflow.</summary>
    public static long Atol(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        var negative = false;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            negative = s[i] == '-';
            i++;
        }

        long v = 0;
        var overflow = false;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            var d = s[i] - '0';
            if (v > (long.MaxValue - d) / 10)
            {
                overflow = true;
            }
            else
            {
                v = (v * 10) + d;
            }

            i++;
        }

        if (overflow)
        {
            return negative ? long.MinValue : long.MaxValue;
        }

        return negative ? -v : v;
    }

    /// <summary>
    /// Strict mode's test for a score: the whole field is a decimal number ([+-] digits [. digits] [e[+-]digits], at
    /// least one digit before the exponent) whose value is finite. atof would read a prefix of anything else.
    /// </summary>
    public static bool IsStrictDecimal(ReadOnlySpan<byte> s, double value)
    {
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] | 0x20) == 'e')
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            var expDigits = 0;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length && double.IsFinite(value);
    }

    /// <summary>Strict mode's test for a relevance level: the whole field is [+-]digits and fits a 32-bit int.</summary>
    public static bool IsStrictInteger(ReadOnlySpan<byte> s)
    {
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        if (i == s.Length || s.Length - i > 10)
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            if ((uint)(s[i] - '0') > 9)
            {
                return false;
            }
        }

        var v = Atol(s);
        return v is >= int.MinValue and <= int.MaxValue;
    }

    public static long Atol(string s) => Atol(System.Text.Encoding.UTF8.GetBytes(s));

    public static double Atof(string s) => Atof(System.Text.Encoding.UTF8.GetBytes(s));

    public static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f';

    private static double Special(ReadOnlySpan<byte> s, bool negative)
    {
        if (StartsWithIgnoreCase(s, "inf"u8))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (StartsWithIgnoreCase(s, "nan"u8))
        {
            return negative ? -double.NaN : double.NaN;
        }

        return 0.0;
    }

    private static double Hex(ReadOnlySpan<byte> s, bool negative)
    {
        // Hexadecimal floating point ("0x1.8p3"), as strtod reads it.
        double v = 0;
        var i = 0;
        var any = false;
        var scale = 0;
        while (i < s.Length && HexDigit(s[i]) >= 0)
        {
            v = (v * 16) + HexDigit(s[i]);
            any = true;
            i++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && HexDigit(s[i]) >= 0)
            {
                v = (v * 16) + HexDigit(s[i]);
                scale -= 4;
                any = true;
                i++;
            }
        }

        if (!any)
        {
            return negative ? -0.0 : 0.0;
        }

        if (i < s.Length && (s[i] | 0x20) == 'p')
        {
            var j = i + 1;
            var expNegative = false;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                expNegative = s[j] == '-';
                j++;
            }

            var e = 0;
            var anyExp = false;
            while (j < s.Length && (uint)(s[j] - '0') <= 9)
            {
                e = Math.Min((e * 10) + (s[j] - '0'), 100000);
                anyExp = true;
                j++;
            }

            if (anyExp)
            {
                scale += expNegative ? -e : e;
            }
        }

        v = Math.ScaleB(v, scale);
        return negative ? -v : v;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> s, ReadOnlySpan<byte> lower)
    {
        if (s.Length < lower.Length)
        {
            return false;
        }

        for (var i = 0; i < lower.Length; i++)
        {
            if ((s[i] | 0x20) != lower[i])
            {
                return false;
            }
        }

        return true;
    }
}
