using System.Text.Json;
using Harness.Abstractions.Datasets;

namespace Harness.Data.Formats;

/// <summary>
/// Reads a dataset in the BEIR layout: <c>corpus.jsonl</c> (<c>_id</c>, <c>title</c>, <c>text</c>),
/// <c>queries.jsonl</c> (<c>_id</c>, <c>text</c>) and <c>qrels/{train,dev,test}.tsv</c> (an optional header line, then
/// <c>query-id</c>, <c>corpus-id</c>, <c>score</c>). Files may be compressed (<c>.gz</c>, <c>.lz4</c>, <c>.xz</c>).
/// Queries without judgments in any split are dropped. Every problem is reported as a
/// <see cref="DatasetFormatException"/> with file and line.
/// </summary>
public static class BeirReader
{
    /// <summary>Loads a BEIR folder.</summary>
    /// <param name="folder">The folder holding corpus.jsonl, queries.jsonl and qrels/.</param>
    /// <param name="name">Display name (default: the folder name).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The dataset.</returns>
    public static InMemoryDataset Load(string folder, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: BEIR folder not found");
        }

        var corpusFile = Find(folder, "corpus.jsonl") ?? throw new DatasetFormatException(Path.Combine(folder, "corpus.jsonl"), 0, "file not found");
        var queriesFile = Find(folder, "queries.jsonl") ?? throw new DatasetFormatException(Path.Combine(folder, "queries.jsonl"), 0, "file not found");

        var corpus = new List<Document>();
        var docIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, text) in DataFile.ReadLines(corpusFile))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = ParseJson(corpusFile, line, text);
            var id = GetId(corpusFile, line, doc.RootElement);
            var title = GetString(corpusFile, line, doc.RootElement, "title", required: false);
            var body = GetString(corpusFile, line, doc.RootElement, "text", required: true);
            if (!docIds.Add(id))
            {
                throw new DatasetFormatException(corpusFile, line, $"duplicate document id '{id}'");
            }

            corpus.Add(new Document(id, title, body));
        }

        var queries = new Dictionary<string, Query>(StringComparer.Ordinal);
        foreach (var (line, text) in DataFile.ReadLines(queriesFile))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = ParseJson(queriesFile, line, text);
            var id = GetId(queriesFile, line, doc.RootElement);
            var body = GetString(queriesFile, line, doc.RootElement, "text", required: true);
            if (!queries.TryAdd(id, new Query(id, body)))
            {
                throw new DatasetFormatException(queriesFile, line, $"duplicate query id '{id}'");
            }
        }

        var splits = new SplitFiles();
        var any = false;
        foreach (var split in new[] { Split.Train, Split.Dev, Split.Test })
        {
            var qrelsFile = Find(Path.Combine(folder, "qrels"), split.ToString().ToLowerInvariant() + ".tsv");
            if (qrelsFile is null)
            {
                continue;
            }

            any = true;
            foreach (var (line, text) in DataFile.ReadLines(qrelsFile))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var cols = text.Split('\t');
                if (line == 1 && IsHeader(cols))
                {
                    continue; // header: query-id corpus-id score
                }

                if (cols.Length < 3)
                {
                    throw new DatasetFormatException(qrelsFile, line, $"expected 3 tab-separated columns (query-id, corpus-id, score), got {cols.Length}");
                }

                var grade = SplitFiles.ParseGrade(qrelsFile, line, cols[2].Trim());
                splits.Add(qrelsFile, line, split, cols[0].Trim(), cols[1].Trim(), grade, docIds, queries.ContainsKey);
            }
        }

        if (!any)
        {
            throw new DatasetFormatException(Path.Combine(folder, "qrels"), 0, "no qrels file found (expected train.tsv, dev.tsv or test.tsv)");
        }

        var bySplit = queries.Values
            .Where(q => splits.SplitOf.ContainsKey(q.Id))
            .GroupBy(q => splits.SplitOf[q.Id])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Query>)g.ToArray());
        return new InMemoryDataset(name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), corpus, bySplit, splits.BuildQrels());
    }

    /// <summary>
    /// BEIR's qrels files start with a header (<c>query-id corpus-id score</c>), but files converted by hand often do
    /// not: the first line is a header only when its score column is not an integer, so a first judgment is never lost.
    /// </summary>
    private static bool IsHeader(string[] cols) =>
        cols.Length < 3 || !int.TryParse(cols[2].Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string? Find(string folder, string fileName)
    {
        foreach (var ext in new[] { string.Empty, ".gz", ".lz4", ".xz" })
        {
            var p = Path.Combine(folder, fileName + ext);
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }

    private static JsonDocument ParseJson(string file, long line, string text)
    {
        try
        {
            var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                throw new DatasetFormatException(file, line, "bad JSON line: expected an object");
            }

            return doc;
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(file, line, $"bad JSON line: {e.Message}", e);
        }
    }

    private static string GetId(string file, long line, JsonElement obj)
    {
        if (!obj.TryGetProperty("_id", out var v))
        {
            throw new DatasetFormatException(file, line, "missing field '_id'");
        }

        var id = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Number => v.GetRawText(),
            _ => throw new DatasetFormatException(file, line, $"field '_id' must be a string or a number, got {v.ValueKind}"),
        };
        return id.Length == 0 ? throw new DatasetFormatException(file, line, "field '_id' is empty") : id;
    }

    private static string GetString(string file, long line, JsonElement obj, string field, bool required)
    {
        if (!obj.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new DatasetFormatException(file, line, $"missing field '{field}'") : string.Empty;
        }

        return v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new DatasetFormatException(file, line, $"field '{field}' must be a string, got {v.ValueKind}");
    }
}
