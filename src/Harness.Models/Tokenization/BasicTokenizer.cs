using System.Globalization;
using System.Text;

namespace Harness.Models.Tokenization;

/// <summary>
/// BERT's basic tokenization, as HF's <c>BasicTokenizer</c> (do_lower_case, tokenize_chinese_chars): drop NUL, U+FFFD
/// and control characters; every whitespace (space, \t, \n, \r, Zs) separates words; CJK ideographs become words of
/// their own; for uncased vocabularies lower-case and strip accents (NFD, drop non-spacing marks); every punctuation
/// character (ASCII symbols and the P* categories) is a word of its own. Works on code points (runes), as Python does.
/// </summary>
internal static class BasicTokenizer
{
    /// <summary>Splits a text into words.</summary>
    /// <param name="text">The text.</param>
    /// <param name="lowerCase">Lower-case and strip accents.</param>
    /// <returns>The words.</returns>
    public static List<string> Split(string text, bool lowerCase)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var decomposed = new List<Rune>(4);

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        foreach (var original in text.EnumerateRunes())
        {
            var cp = original.Value;
            if (cp == 0 || cp == 0xFFFD)
            {
                continue;
            }

            if (IsWhitespace(original))
            {
                Flush();
                continue;
            }

            if (IsControl(original))
            {
                continue;
            }

            if (IsCjk(cp))
            {
                Flush();
                words.Add(original.ToString());
                continue;
            }

            decomposed.Clear();
            if (lowerCase)
            {
                CanonicalDecomposition.Append(Rune.ToLowerInvariant(original), decomposed);
            }
            else
            {
                decomposed.Add(original);
            }

            foreach (var rune in decomposed)
            {
                if (lowerCase && Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (IsPunctuation(rune))
                {
                    Flush();
                    words.Add(rune.ToString());
                }
                else
                {
                    word.Append(rune.ToString());
                }
            }
        }

        Flush();
        return words;
    }

    private static bool IsWhitespace(Rune r) =>
        r.Value is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(r) == UnicodeCategory.SpaceSeparator;

    private static bool IsControl(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;

    private static bool IsPunctuation(Rune r)
    {
        var cp = r.Value;
        if (cp is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    private static bool IsCjk(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
