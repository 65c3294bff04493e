using System.Text;
using Harness.Evaluation.Internal.Parsing;

namespace Harness.Evaluation.Tests.Parsing;

/// <summary>The vectorised field finder agrees with the plain byte loop on random lines.</summary>
public sealed class RunLineScannerTests
{
    [Test]
    public void Vector_scan_matches_the_scalar_definition_on_random_lines()
    {
        var rng = new Random(12345);
        var alphabet = "ab1.# \t\r\v\f\n-x"u8.ToArray();
        var checkedLines = 0;
        var vs = new int[6];
        var vl = new int[6];
        for (var round = 0; round < 20000; round++)
        {
            var length = 64 + rng.Next(80);
            var bytes = new byte[length];
            for (var k = 0; k < length; k++)
            {
                bytes[k] = rng.Next(3) == 0 ? alphabet[rng.Next(alphabet.Length)] : (byte)('a' + rng.Next(26));
            }

            var pos = rng.Next(0, length - 64 + 1);
            if (!RunLineScanner.TryScan(bytes, pos, vs, vl, out var vn, out var vnext, out var vcomment, out var vlineEnd))
            {
                continue;
            }

            var (sn, snext, scomment, ss, sl) = Scalar(bytes, pos);
            var context = Encoding.ASCII.GetString(bytes, pos, Math.Min(64, length - pos));
            Assert.That((vn, vnext, vcomment), Is.EqualTo((sn, snext, scomment)), context);
            var newline = Array.IndexOf(bytes, (byte)'\n', pos, Math.Min(64, length - pos));
            Assert.That(vlineEnd, Is.EqualTo(newline), context + " (line end)");
            for (var f = 0; f < Math.Min(vn, 5); f++)
            {
                Assert.That((vs[f], vl[f]), Is.EqualTo((ss[f], sl[f])), context);
            }

            checkedLines++;
        }

        Assert.That(checkedLines, Is.GreaterThan(5000));
    }

    private static (int Fields, int Next, bool Comment, int[] Starts, int[] Lengths) Scalar(byte[] bytes, int pos)
    {
        static bool Space(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f';
        var starts = new int[6];
        var lengths = new int[6];
        var i = pos;
        var n = 0;
        while (true)
        {
            while (i < bytes.Length && bytes[i] != '\n' && Space(bytes[i]))
            {
                i++;
            }

            if (i >= bytes.Length || bytes[i] == '\n')
            {
                return (n, i, false, starts, lengths);
            }

            if (n == 0 && bytes[i] == '#')
            {
                return (0, i, true, starts, lengths);
            }

            if (n == 5)
            {
                return (6, i, false, starts, lengths);
            }

            var s = i;
            while (i < bytes.Length && !Space(bytes[i]))
            {
                i++;
            }

            starts[n] = s;
            lengths[n] = i - s;
            n++;
        }
    }
}
