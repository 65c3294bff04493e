using System.Text;

namespace Harness.Models.Tokenization;

/// <summary>
/// BERT's tokenization over a WordPiece vocabulary, as HF's BertTokenizer: <see cref="BasicTokenizer"/> words, then
/// greedy longest-match-first word pieces (continuations prefixed <c>##</c>; a word with no full cover, or longer than
/// 100 characters, becomes [UNK]); [CLS] ... [SEP] around, truncated to a maximum number of pieces (specials included).
/// Hand-written, because both served libraries are wrong here: Microsoft.ML.Tokenizers 2.0.1's BertTokenizer deletes
/// '\n' and '\t' as control characters, gluing "foo\nbar" into "foo ##bar"; FastBertTokenizer 1.2.6 ignores a smaller
/// maximum length after one call with a larger one (it returned all 11 pieces for a limit of 5), and both strip accents
/// with string.Normalize, a no-op under InvariantGlobalization. Stateless after construction and thread-safe.
/// </summary>
public sealed class WordPieceTokenizer
{
    private const int MaxWordCharacters = 100;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool _lowerCase;
    private readonly int _cls;
    private readonly int _sep;
    private readonly int _unk;

    private WordPieceTokenizer(byte[] file, IReadOnlyList<string> pieces, bool lowerCase)
    {
        Vocabulary = file;
        _vocabulary = new Dictionary<string, int>(pieces.Count, StringComparer.Ordinal);
        for (var i = 0; i < pieces.Count; i++)
        {
            _vocabulary.TryAdd(pieces[i], i);
        }

        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowerCase = lowerCase;
        VocabularySize = pieces.Count;
        _cls = Special("[CLS]");
        _sep = Special("[SEP]");
        _unk = Special("[UNK]");
        PadId = Special("[PAD]");
    }

    /// <summary>Number of word pieces in the vocabulary.</summary>
    public int VocabularySize { get; }

    /// <summary>The vocab.txt the tokenizer was built from (saved beside a checkpoint).</summary>
    public IReadOnlyList<byte> Vocabulary { get; }

    /// <summary>The id of [PAD].</summary>
    public long PadId { get; }

    /// <summary>Creates a tokenizer from a vocab.txt (one piece per line, the line number is the id).</summary>
    /// <param name="vocabulary">The file's bytes (UTF-8).</param>
    /// <param name="lowerCase">Whether the vocabulary is uncased (lower-case and strip accents).</param>
    /// <returns>The tokenizer.</returns>
    /// <exception cref="InvalidDataException">A special token is missing.</exception>
    public static WordPieceTokenizer FromVocabulary(byte[] vocabulary, bool lowerCase = true)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var lines = Encoding.UTF8.GetString(vocabulary).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new WordPieceTokenizer(vocabulary, lines, lowerCase);
    }

    /// <summary>Tokenizes one text.</summary>
    /// <param name="text">The text (null is treated as empty).</param>
    /// <param name="maxLength">The most pieces to keep, [CLS] and [SEP] included (at least 2).</param>
    /// <returns>The ids: [CLS], the pieces, [SEP].</returns>
    public long[] Encode(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var ids = new List<long>(Math.Min(maxLength, 64)) { _cls };
        foreach (var word in BasicTokenizer.Split(text ?? string.Empty, _lowerCase))
        {
            AddPieces(word, ids);
            if (ids.Count >= maxLength - 1)
            {
                break;
            }
        }

        if (ids.Count > maxLength - 1)
        {
            ids.RemoveRange(maxLength - 1, ids.Count - (maxLength - 1));
        }

        ids.Add(_sep);
        return [.. ids];
    }

    /// <summary>
    /// Tokenizes a sentence pair as BERT's cross-encoders read it: <c>[CLS] first [SEP] second [SEP]</c>, segment 0
    /// up to and including the first [SEP], 1 after. When too long, the longer text loses its last piece until the
    /// pair fits (HF's <c>longest_first</c> truncation; ties shorten the second text).
    /// </summary>
    /// <param name="first">The first text (a query; null is treated as empty).</param>
    /// <param name="second">The second text (a document; null is treated as empty).</param>
    /// <param name="maxLength">The most ids, the three special tokens included (at least 3).</param>
    /// <returns>The ids and their segment ids, of equal length.</returns>
    public (long[] Ids, long[] TokenTypes) EncodePair(string? first, string? second, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 3);
        var budget = maxLength - 3;
        var a = Pieces(first, budget);
        var b = Pieces(second, budget);
        while (a.Count + b.Count > budget)
        {
            var longer = a.Count > b.Count ? a : b;
            longer.RemoveAt(longer.Count - 1);
        }

        var ids = new long[a.Count + b.Count + 3];
        var types = new long[ids.Length];
        ids[0] = _cls;
        a.CopyTo(ids, 1);
        ids[a.Count + 1] = _sep;
        b.CopyTo(ids, a.Count + 2);
        ids[^1] = _sep;
        Array.Fill(types, 1L, a.Count + 2, b.Count + 1);
        return (ids, types);
    }

    // The word pieces of a text, at most limit of them.
    private List<long> Pieces(string? text, int limit)
    {
        var ids = new List<long>(Math.Min(limit, 64));
        foreach (var word in BasicTokenizer.Split(text ?? string.Empty, _lowerCase))
        {
            if (ids.Count >= limit)
            {
                break;
            }

            AddPieces(word, ids);
        }

        if (ids.Count > limit)
        {
            ids.RemoveRange(limit, ids.Count - limit);
        }

        return ids;
    }

    private void AddPieces(string word, List<long> ids)
    {
        if (word.EnumerateRunes().Count() > MaxWordCharacters)
        {
            ids.Add(_unk);
            return;
        }

        var first = ids.Count;
        Span<char> buffer = stackalloc char[word.Length + 2];
        buffer[0] = '#';
        buffer[1] = '#';
        var start = 0;
        while (start < word.Length)
        {
            var found = -1;
            var end = word.Length;
            for (; end > start; end--)
            {
                if (end < word.Length && char.IsLowSurrogate(word[end]))
                {
                    continue;
                }

                scoped ReadOnlySpan<char> candidate;
                if (start == 0)
                {
                    candidate = word.AsSpan(0, end);
                }
                else
                {
                    word.AsSpan(start, end - start).CopyTo(buffer[2..]);
                    candidate = buffer[..(end - start + 2)];
                }

                if (_lookup.TryGetValue(candidate, out found))
                {
                    break;
                }
            }

            if (end == start)
            {
                ids.RemoveRange(first, ids.Count - first);
                ids.Add(_unk);
                return;
            }

            ids.Add(found);
            start = end;
        }
    }

    private int Special(string token) => _vocabulary.TryGetValue(token, out var id)
        ? id
        : throw new InvalidDataException($"the vocabulary lacks {token}");
}
