namespace Harness.Abstractions.Datasets;

/// <summary>
/// A loaded retrieval collection: corpus, queries and graded judgments per split, and optionally hidden positives
/// (relevant pairs deliberately left out of the judgments, used only to audit negative samplers).
/// </summary>
public interface IDataset
{
    /// <summary>A short name for display, for example <c>synthetic-10k</c>.</summary>
    string Name { get; }

    /// <summary>
    /// A hash of exactly what was loaded (corpus, queries, judgments, hidden positives), lower-case hex SHA-256: the
    /// canonical <see cref="DatasetContentHash.Compute"/> of this dataset (the conformance suite checks that it is).
    /// Recorded with every result so a reviewer can tell whether two runs saw the same data.
    /// </summary>
    string ContentHash { get; }

    /// <summary>
    /// Lower-case hex SHA-256 of the corpus alone (<see cref="DatasetContentHash.ComputeCorpus"/>): the key for caches
    /// built from documents only (a BM25 index, an encoded corpus), which then survive a change of queries or
    /// judgments. The default is <see cref="ContentHash"/>: correct, but it invalidates such caches more often than
    /// needed. Must be stable across opens.
    /// </summary>
    string CorpusHash => ContentHash;

    /// <summary>The corpus, in a stable order; document ids are unique.</summary>
    IReadOnlyList<Document> Corpus { get; }

    /// <summary>The splits this dataset has queries for.</summary>
    IReadOnlyList<Split> Splits { get; }

    /// <summary>The queries of a split (empty when the dataset has none for it).</summary>
    /// <param name="split">The split.</param>
    /// <returns>Queries in a stable order.</returns>
    IReadOnlyList<Query> GetQueries(Split split);

    /// <summary>The judgments of a split. Every judged document id is in <see cref="Corpus"/>.</summary>
    /// <param name="split">The split.</param>
    /// <returns>The judgments.</returns>
    Qrels GetQrels(Split split);

    /// <summary>
    /// Relevant pairs of a split that are NOT in <see cref="GetQrels"/>: known false negatives. Never use them for
    /// training; they exist to measure how often a sampler picks a relevant document as a negative.
    /// </summary>
    /// <param name="split">The split.</param>
    /// <returns>The hidden positives (empty when the dataset knows of none).</returns>
    Qrels GetHiddenPositives(Split split);
}
