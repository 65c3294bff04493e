namespace Harness.Conformance.Services;

/// <summary>Lower-cased letter-or-digit words: the tokenisation of the fake services.</summary>
internal static class TermOverlap
{
    public static string[] Terms(string text)
    {
        var terms = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var word = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                terms.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return [.. terms];
    }

    /// <summary>How many of the query's distinct terms occur in the text.</summary>
    public static int Score(string query, string text)
    {
        var words = Terms(text).ToHashSet(StringComparer.Ordinal);
        return Terms(query).Distinct(StringComparer.Ordinal).Count(words.Contains);
    }
}
