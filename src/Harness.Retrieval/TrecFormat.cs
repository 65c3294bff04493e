namespace Harness.Retrieval;

/// <summary>The rules of TREC's whitespace-separated run and qrels lines.</summary>
public static class TrecFormat
{
    /// <summary>Whether a token (query id, document id, run id) can be written in a TREC line.</summary>
    /// <param name="token">The token.</param>
    /// <returns>True when it is non-empty and holds no whitespace.</returns>
    public static bool IsWritable(string token) => !string.IsNullOrEmpty(token) && !token.Any(char.IsWhiteSpace);

    /// <summary>Throws when a token cannot be written.</summary>
    /// <param name="token">The token.</param>
    /// <param name="what">What it is, for the message (<c>query id</c>).</param>
    /// <exception cref="FormatException">The token is empty or holds whitespace.</exception>
    public static void CheckWritable(string token, string what)
    {
        if (!IsWritable(token))
        {
            throw new FormatException($"{what} '{token}' is empty or contains whitespace and cannot be written in TREC format");
        }
    }
}
