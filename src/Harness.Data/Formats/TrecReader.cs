using Harness.Abstractions.Datasets;

namespace Harness.Data.Formats;

/// <summary>
/// Reads TREC-style files (covering the MS MARCO passage files): a collection TSV, topics TSVs and qrels
/// (<c>qid iter docno rel</c>) per split. Topics without judgments are kept in their split (a qrels file decides
/// nothing about membership when topics are given). Files may be compressed (<c>.gz</c>, <c>.lz4</c>, <c>.xz</c>).
/// </summary>
public static class TrecReader
{
    /// <summary>Loads the files.</summary>
    /// <param name="files">The files.</param>
    /// <param name="name">Display name.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The dataset.</returns>
    public static InMemoryDataset Load(TrecFiles files, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var corpus = new List<Document>();
        var docIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, text) in DataFile.ReadLines(files.Collection))
        {
            if ((line & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (text.Length == 0)
            {
                continue;
            }

            var cols = text.Split('\t');
            if (cols.Length is < 2 or > 3)
            {
                throw new DatasetFormatException(files.Collection, line, $"expected id<TAB>text or id<TAB>title<TAB>text, got {cols.Length} column(s)");
            }

            var id = cols[0].Trim();
            if (id.Length == 0)
            {
                throw new DatasetFormatException(files.Collection, line, "empty document id");
            }

            if (!docIds.Add(id))
            {
                throw new DatasetFormatException(files.Collection, line, $"duplicate document id '{id}'");
            }

            corpus.Add(cols.Length == 2 ? new Document(id, string.Empty, cols[1]) : new Document(id, cols[1], cols[2]));
        }

        var splits = new SplitFiles();
        var queries = new Dictionary<string, Query>(StringComparer.Ordinal);
        foreach (var (split, path) in files.Topics.OrderBy(p => p.Key))
        {
            foreach (var (line, text) in DataFile.ReadLines(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (text.Length == 0)
                {
                    continue;
                }

                var tab = text.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0)
                {
                    throw new DatasetFormatException(path, line, "expected qid<TAB>text");
                }

                var qid = text[..tab].Trim();
                if (queries.ContainsKey(qid) && splits.SplitOf.TryGetValue(qid, out var s) && s == split)
                {
                    throw new DatasetFormatException(path, line, $"duplicate query id '{qid}'");
                }

                splits.Assign(path, line, split, qid);
                queries[qid] = new Query(qid, text[(tab + 1)..]);
            }
        }

        foreach (var (split, path) in files.QrelsFiles.OrderBy(p => p.Key))
        {
            foreach (var (line, text) in DataFile.ReadLines(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var cols = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length != 4)
                {
                    throw new DatasetFormatException(path, line, $"expected 4 columns (qid iter docno rel), got {cols.Length}");
                }

                var grade = SplitFiles.ParseGrade(path, line, cols[3]);
                splits.Add(path, line, split, cols[0], cols[2], grade, docIds, queries.ContainsKey);
            }
        }

        var bySplit = queries.Values
            .GroupBy(q => splits.SplitOf[q.Id])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Query>)g.ToArray());
        return new InMemoryDataset(name, corpus, bySplit, splits.BuildQrels());
    }
}
