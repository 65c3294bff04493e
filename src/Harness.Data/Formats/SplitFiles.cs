using Harness.Abstractions.Datasets;

namespace Harness.Data.Formats;

/// <summary>Collects queries and judgments per split from files, enforcing that a query belongs to one split only.</summary>
internal sealed class SplitFiles
{
    private readonly Dictionary<string, Split> _splitOf = new(StringComparer.Ordinal);
    private readonly Dictionary<Split, Qrels.Builder> _qrels = [];

    public IReadOnlyDictionary<string, Split> SplitOf => _splitOf;

    /// <summary>Adds one judgment read from <paramref name="file"/> at <paramref name="line"/>.</summary>
    public void Add(string file, long line, Split split, string queryId, string docId, int grade, IReadOnlySet<string> docIds, Func<string, bool> queryKnown)
    {
        if (!queryKnown(queryId))
        {
            throw new DatasetFormatException(file, line, $"unknown query id '{queryId}' (not in the queries file)");
        }

        if (!docIds.Contains(docId))
        {
            throw new DatasetFormatException(file, line, $"unknown document id '{docId}' (not in the corpus)");
        }

        if (_splitOf.TryGetValue(queryId, out var other) && other != split)
        {
            throw new DatasetFormatException(file, line, $"query '{queryId}' is in two splits ({other.ToString().ToLowerInvariant()} and {split.ToString().ToLowerInvariant()})");
        }

        _splitOf[queryId] = split;
        if (!_qrels.TryGetValue(split, out var b))
        {
            b = new Qrels.Builder();
            _qrels.Add(split, b);
        }

        if (b.Contains(queryId, docId))
        {
            throw new DatasetFormatException(file, line, $"duplicate judgment for query '{queryId}' and document '{docId}'");
        }

        b.Add(queryId, docId, grade);
    }

    /// <summary>Marks a query as belonging to a split even if it has no judgments (TREC topics files).</summary>
    public void Assign(string file, long line, Split split, string queryId)
    {
        if (_splitOf.TryGetValue(queryId, out var other) && other != split)
        {
            throw new DatasetFormatException(file, line, $"query '{queryId}' is in two splits ({other.ToString().ToLowerInvariant()} and {split.ToString().ToLowerInvariant()})");
        }

        _splitOf[queryId] = split;
    }

    public Dictionary<Split, Qrels> BuildQrels() => _qrels.ToDictionary(p => p.Key, p => p.Value.Build());

    public static int ParseGrade(string file, long line, string text)
    {
        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var g)
            ? g
            : throw new DatasetFormatException(file, line, $"bad grade '{text}' (expected an integer)");
    }
}
