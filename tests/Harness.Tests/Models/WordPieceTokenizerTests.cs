using Harness.Models.Bert;
using Harness.Models.Tokenization;
using Harness.Tests.Plugins.Encoders;

namespace Harness.Tests.Models;

/// <summary>BERT basic + WordPiece tokenization over the MiniLM vocabulary; ids read off the package's vocab.txt
/// (line number = id: 101 [CLS], 102 [SEP], 2023 this, 29379 foo, 3347 bar, 8237 ##bar, 7668 cafe).</summary>
public sealed class WordPieceTokenizerTests
{
    private static readonly Lazy<WordPieceTokenizer> Tokenizer = new(() => PretrainedBert.Tokenizer(ModelPackage.MiniLm, PretrainedModels.Directory));

    [Test]
    public void A_sentence_is_wrapped_in_cls_and_sep()
    {
        Assert.That(Tokenizer.Value.Encode("This is an example sentence", 256), Is.EqualTo(new long[] { 101, 2023, 2003, 2019, 2742, 6251, 102 }));
        Assert.That(Tokenizer.Value.Encode(string.Empty, 256), Is.EqualTo(new long[] { 101, 102 }));
        Assert.That(Tokenizer.Value.VocabularySize, Is.EqualTo(30522));
        Assert.That(Tokenizer.Value.PadId, Is.Zero);
    }

    [Test]
    public void Newlines_and_tabs_split_words_instead_of_gluing_them()
    {
        // foo\nbar must be "foo bar" (3347), not "foo ##bar" (8237) as Microsoft.ML.Tokenizers 2.0.1 gives.
        Assert.That(Tokenizer.Value.Encode("foo\nbar", 256), Is.EqualTo(new long[] { 101, 29379, 3347, 102 }));
        Assert.That(Tokenizer.Value.Encode("foo\tbar", 256), Is.EqualTo(new long[] { 101, 29379, 3347, 102 }));
    }

    [Test]
    public void Text_is_lower_cased_accents_are_stripped_and_punctuation_splits()
    {
        Assert.That(Tokenizer.Value.Encode("CAFÉ", 256), Is.EqualTo(Tokenizer.Value.Encode("cafe", 256)));
        Assert.That(Tokenizer.Value.Encode("cafe", 256), Is.EqualTo(new long[] { 101, 7668, 102 }));
        Assert.That(Tokenizer.Value.Encode("hello,world!", 256), Is.EqualTo(new long[] { 101, 7592, 1010, 2088, 999, 102 }));
        Assert.That(Tokenizer.Value.Encode("naïve École", 256), Is.EqualTo(Tokenizer.Value.Encode("naive ecole", 256)));
    }

    [Test]
    public void Cjk_ideographs_are_words_and_unknown_words_are_one_unk()
    {
        // 北 1781, 京 1755 (each its own word); a word with no cover by pieces is a single [UNK] (100).
        Assert.That(Tokenizer.Value.Encode("北京", 256), Is.EqualTo(new long[] { 101, 1781, 1755, 102 }));
        Assert.That(Tokenizer.Value.Encode("a \u2603\u2603 b", 256)[2], Is.EqualTo(100));
        Assert.That(Tokenizer.Value.Encode(new string('a', 101), 256), Is.EqualTo(new long[] { 101, 100, 102 }));
    }

    [Test]
    public void Truncation_keeps_max_length_pieces_with_sep_last()
    {
        var full = Tokenizer.Value.Encode("unbelievably tokenization works here", 256);
        var cut = Tokenizer.Value.Encode("unbelievably tokenization works here", 5);
        Assert.That(cut, Is.EqualTo(full.Take(4).Append(102L).ToArray()));
    }

    [Test]
    public void A_pair_is_cls_first_sep_second_sep_with_segments()
    {
        var (ids, types) = Tokenizer.Value.EncodePair("foo bar", "this is an example sentence", 256);
        Assert.That(ids, Is.EqualTo(new long[] { 101, 29379, 3347, 102, 2023, 2003, 2019, 2742, 6251, 102 }));
        Assert.That(types, Is.EqualTo(new long[] { 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 }));
    }

    [Test]
    public void A_long_pair_loses_pieces_from_the_longer_text_first()
    {
        // 2 + 5 pieces, budget 8 - 3 = 5: the second text loses its last two pieces (5 > 2, then 4 > 2... until 3).
        var (ids, types) = Tokenizer.Value.EncodePair("foo bar", "this is an example sentence", 8);
        Assert.That(ids, Is.EqualTo(new long[] { 101, 29379, 3347, 102, 2023, 2003, 2019, 102 }));
        Assert.That(types, Is.EqualTo(new long[] { 0, 0, 0, 0, 1, 1, 1, 1 }));

        // Budget 2 with a tie at 2 + 2 → 2 + 1 → 1 + 1: the second text goes first on ties.
        var (tied, _) = Tokenizer.Value.EncodePair("foo bar", "this is", 5);
        Assert.That(tied, Is.EqualTo(new long[] { 101, 29379, 102, 2023, 102 }));
    }
}
