using System.Runtime.CompilerServices;

namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// The run reader's fast path for a score field: a plain decimal (<c>[+-]digits[.digits]</c>, at most 19 digits, at
/// most 22 after the point, value below 2^53 before scaling), which is what nearly every run holds. It is one pass that
/// gives both the value and strict mode's verdict; the value is bit for bit what <see cref="CNumber.Atof(ReadOnlySpan{byte})"/> returns
/// (the same Clinger fast path: one exact integer, one correctly rounded division or multiplication). Anything else
/// (exponents, long mantissas, inf/nan, hex, junk) is left to <see cref="CNumber.Atof(ReadOnlySpan{byte})"/> and
/// <see cref="CNumber.IsStrictDecimal"/>. Hand-written: no library parses C-locale decimals from bytes with atof's
/// rounding and a strictness verdict in one pass.
/// </summary>
internal static class ScoreField
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>True, with the value, when <paramref name="s"/> is wholly a plain decimal the fast path covers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            mantissa = (mantissa * 10) + (uint)(s[i] - '0');
            digits++;
            i++;
        }

        var fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (uint)(s[i] - '0');
                digits++;
                fraction++;
                i++;
            }
        }

        if (i != s.Length || digits == 0 || digits > 19 || fraction > 22 || mantissa >= (1UL << 53))
        {
            return false;
        }

        double m = mantissa;
        var v = fraction == 0 ? m : m / Pow10[fraction];
        value = negative ? -v : v;
        return true;
    }
}
