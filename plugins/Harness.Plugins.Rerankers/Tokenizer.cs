namespace Harness.Plugins.Rerankers;

/// <summary>Lower-cased runs of letters and digits: the term model of the lexical rerankers.</summary>
internal static class Tokenizer
{
    /// <summary>Splits a text into terms.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The terms, in order.</returns>
    public static List<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                terms.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return terms;
    }
}
