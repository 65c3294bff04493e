using System.Text;
using FastBertTokenizer;

namespace Harness.Plugins.Encoders.Tokenization;

/// <summary>
/// BERT's tokenization over a WordPiece vocabulary: basic tokenization (split on all whitespace, punctuation and CJK
/// characters; lower-case and strip accents for uncased vocabularies), then greedy longest-match word pieces, with
/// [CLS] ... [SEP] around and truncation to a maximum number of pieces (specials included), as HF's BertTokenizer.
/// Built on FastBertTokenizer 1.2.6. Microsoft.ML.Tokenizers 2.0.1's BertTokenizer was rejected: it deletes '\n' and
/// '\t' as control characters instead of splitting on them, so "foo\nbar" becomes "foo ##bar" (checked against the
/// MiniLM vocabulary: 29379 8237 instead of 29379 3347), the same class of fault as the SentenceTransformers wrapper's
/// space-only split. Thread-safe (calls are serialised: FastBertTokenizer does not promise concurrent use).
/// </summary>
public sealed class WordPieceTokenizer
{
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _gate = new();

    private WordPieceTokenizer(string vocabulary, bool lowerCase)
    {
        using var reader = new StringReader(vocabulary);
        _tokenizer.LoadVocabulary(reader, lowerCase);
        VocabularySize = vocabulary.Split('\n').Count(l => l.Length > 0);
        var lines = vocabulary.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        PadId = lines.IndexOf("[PAD]");
        if (PadId < 0 || lines.IndexOf("[CLS]") < 0 || lines.IndexOf("[SEP]") < 0 || lines.IndexOf("[UNK]") < 0)
        {
            throw new InvalidDataException("the vocabulary lacks one of [PAD], [UNK], [CLS], [SEP]");
        }
    }

    /// <summary>Number of word pieces in the vocabulary.</summary>
    public int VocabularySize { get; }

    /// <summary>The id of [PAD].</summary>
    public long PadId { get; }

    /// <summary>Creates a tokenizer from a vocab.txt (one piece per line, the line number is the id).</summary>
    /// <param name="vocabulary">The file's bytes (UTF-8).</param>
    /// <param name="lowerCase">Whether the vocabulary is uncased (lower-case and strip accents).</param>
    /// <returns>The tokenizer.</returns>
    public static WordPieceTokenizer FromVocabulary(byte[] vocabulary, bool lowerCase = true)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new WordPieceTokenizer(Encoding.UTF8.GetString(vocabulary), lowerCase);
    }

    /// <summary>Tokenizes one text.</summary>
    /// <param name="text">The text (null is treated as empty).</param>
    /// <param name="maxLength">The most pieces to keep, [CLS] and [SEP] included (at least 2).</param>
    /// <returns>The ids: [CLS], the pieces, [SEP].</returns>
    public long[] Encode(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        lock (_gate)
        {
            var (ids, _, _) = _tokenizer.Encode(text ?? string.Empty, maxLength);
            return ids.ToArray();
        }
    }

    /// <summary>Turns ids back into text (for inspection).</summary>
    /// <param name="ids">Token ids.</param>
    /// <returns>The text.</returns>
    public string Decode(ReadOnlySpan<long> ids)
    {
        lock (_gate)
        {
            return _tokenizer.Decode(ids);
        }
    }
}
