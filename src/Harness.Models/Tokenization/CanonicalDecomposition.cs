using System.Globalization;
using System.Text;

namespace Harness.Models.Tokenization;

/// <summary>
/// Unicode canonical decomposition (NFD) from a table shipped with this library (canonical-decompositions.txt, generated
/// from Unicode 14.0 with Python's unicodedata, the data HF's tokenizers use) plus the Hangul algorithm. Hand-written
/// because <see cref="string.Normalize(NormalizationForm)"/> needs ICU and is a silent no-op under
/// InvariantGlobalization, which Harness runs with: "CAFÉ" would keep its accent and miss the uncased vocabulary.
/// </summary>
internal static class CanonicalDecomposition
{
    private const int HangulBase = 0xAC00;
    private const int HangulCount = 11172;
    private static readonly Lazy<Dictionary<int, int[]>> Table = new(Load);

    /// <summary>Appends the full canonical decomposition of a code point.</summary>
    /// <param name="rune">The code point.</param>
    /// <param name="output">Where to append it.</param>
    public static void Append(Rune rune, List<Rune> output)
    {
        var cp = rune.Value;
        if (cp is >= HangulBase and < HangulBase + HangulCount)
        {
            var s = cp - HangulBase;
            output.Add(new Rune(0x1100 + (s / 588)));
            output.Add(new Rune(0x1161 + (s % 588 / 28)));
            if (s % 28 != 0)
            {
                output.Add(new Rune(0x11A7 + (s % 28)));
            }

            return;
        }

        if (Table.Value.TryGetValue(cp, out var parts))
        {
            foreach (var p in parts)
            {
                output.Add(new Rune(p));
            }
        }
        else
        {
            output.Add(rune);
        }
    }

    private static Dictionary<int, int[]> Load()
    {
        using var stream = typeof(CanonicalDecomposition).Assembly.GetManifestResourceStream("Harness.Models.Tokenization.canonical-decompositions.txt")
            ?? throw new InvalidOperationException("Harness.Models lacks its resource canonical-decompositions.txt");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, int[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ');
            table[int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] =
                fields.Skip(1).Select(f => int.Parse(f, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        }

        return table;
    }
}
