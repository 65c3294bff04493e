using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Harness.Evaluation.Internal.Parsing;

/// <summary>
/// Finds the fields of a run line from a 64-byte window with two vector compares: a bit mask of white space
/// (' ' and '\t'..'\r', C's isspace) and one of newlines, then the fields are runs of zero bits. Handles lines whose
/// first six fields start within 64 bytes (nearly all run lines); anything else returns false for the scalar scanner.
/// Semantics are exactly those of the scalar loop in <see cref="RunFileReader"/>. The newline mask also gives the line
/// end when it lies in the window (<c>lineEnd</c>; -1 when the caller must search for it).
/// </summary>
internal static class RunLineScanner
{
    // Fully optimised at first call: ReadyToRun code cannot assume AVX2, and tier-0 vector code is very slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryScan(ReadOnlySpan<byte> bytes, int pos, Span<int> starts, Span<int> lengths, out int fields, out int next, out bool comment, out int lineEnd)
    {
        fields = 0;
        next = pos;
        comment = false;
        lineEnd = -1;
        if (!Vector256.IsHardwareAccelerated || pos + 64 > bytes.Length)
        {
            return false;
        }

        var v0 = Vector256.Create(bytes.Slice(pos, 32));
        var v1 = Vector256.Create(bytes.Slice(pos + 32, 32));
        var space = (ulong)WhiteSpace(v0) | ((ulong)WhiteSpace(v1) << 32);
        var newline = (ulong)Vector256.Equals(v0, Vector256.Create((byte)'\n')).ExtractMostSignificantBits()
            | ((ulong)Vector256.Equals(v1, Vector256.Create((byte)'\n')).ExtractMostSignificantBits() << 32);
        var end = newline == 0 ? 64 : BitOperations.TrailingZeroCount(newline);
        if (end < 64)
        {
            lineEnd = pos + end;
        }

        var i = 0;
        var n = 0;
        while (true)
        {
            // first non-space at or after i
            var nonSpace = i >= 64 ? 0 : ~space & (ulong.MaxValue << i);
            var s = nonSpace == 0 ? 64 : BitOperations.TrailingZeroCount(nonSpace);
            if (s >= end)
            {
                if (end == 64)
                {
                    return false; // the line goes on past the window
                }

                next = pos + end;
                break;
            }

            if (n == 0 && bytes[pos + s] == '#')
            {
                comment = true;
                next = pos + s;
                break;
            }

            if (n == 5)
            {
                n = 6;
                next = pos + s;
                break;
            }

            var spaceAfter = space & (ulong.MaxValue << s);
            if (spaceAfter == 0)
            {
                return false; // the field runs past the window
            }

            var e = BitOperations.TrailingZeroCount(spaceAfter);
            starts[n] = pos + s;
            lengths[n] = e - s;
            n++;
            i = e;
        }

        fields = n;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint WhiteSpace(Vector256<byte> v) =>
        (Vector256.Equals(v, Vector256.Create((byte)' '))
            | Vector256.LessThanOrEqual(v - Vector256.Create((byte)'\t'), Vector256.Create((byte)('\r' - '\t')))).ExtractMostSignificantBits();
}
