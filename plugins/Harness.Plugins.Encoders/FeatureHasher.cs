namespace Harness.Plugins.Encoders;

/// <summary>
/// Maps a text to hashed feature ids: lower-cased words and, optionally, the character n-grams of each word with
/// boundary markers (<c>#ke</c>, <c>ker</c>, ..., <c>el#</c>). FNV-1a keeps ids stable across processes and platforms.
/// </summary>
/// <param name="buckets">The number of hash buckets (embedding rows).</param>
/// <param name="charNgram">The character n-gram length; 0 for words only.</param>
internal sealed class FeatureHasher(int buckets, int charNgram)
{
    /// <summary>Appends the feature ids of a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="ids">Where to append.</param>
    public void AddFeatures(string text, List<long> ids)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ids);
        Span<char> word = stackalloc char[64];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (length < word.Length)
                {
                    word[length++] = char.ToLowerInvariant(text[i]);
                }

                continue;
            }

            if (length > 0)
            {
                AddWord(word[..length], ids);
                length = 0;
            }
        }
    }

    private void AddWord(ReadOnlySpan<char> word, List<long> ids)
    {
        ids.Add(Bucket(Hash(word, 0x77)));
        if (charNgram <= 0 || word.Length + 2 < charNgram)
        {
            return;
        }

        Span<char> marked = stackalloc char[word.Length + 2];
        marked[0] = '#';
        word.CopyTo(marked[1..]);
        marked[^1] = '#';
        for (var s = 0; s + charNgram <= marked.Length; s++)
        {
            ids.Add(Bucket(Hash(marked.Slice(s, charNgram), 0x63)));
        }
    }

    private long Bucket(ulong hash) => (long)(hash % (ulong)buckets);

    private static ulong Hash(ReadOnlySpan<char> s, byte salt)
    {
        var h = 14695981039346656037UL;
        h = (h ^ salt) * 1099511628211UL;
        foreach (var c in s)
        {
            h = (h ^ (byte)c) * 1099511628211UL;
            h = (h ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return h;
    }
}
