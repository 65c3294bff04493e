namespace Harness.Abstractions.Datasets;

/// <summary>
/// What training-time plugins (negative samplers, trainable rerankers) may see of a dataset: the corpus and the TRAIN
/// split's queries and judgments. It has no hidden positives and no dev/test queries or judgments, by construction:
/// the host builds it (<see cref="TrainingDataView.Create"/>), keeps the full <see cref="IDataset"/> to itself and
/// measures false negatives (sampled, in-batch, dropped by a filter) against the hidden positives on its side.
/// </summary>
public interface ITrainingData
{
    /// <summary>The dataset's display name.</summary>
    string Name { get; }

    /// <summary>The dataset's <see cref="IDataset.CorpusHash"/>: the key for caches built from documents.</summary>
    string CorpusHash { get; }

    /// <summary>Lower-case hex SHA-256 of exactly what this view exposes (<see cref="DatasetContentHash.ComputeTrainingView"/>).</summary>
    string ContentHash { get; }

    /// <summary>The corpus, in the dataset's stable order.</summary>
    IReadOnlyList<Document> Corpus { get; }

    /// <summary>The training queries, in the dataset's stable order.</summary>
    IReadOnlyList<Query> Queries { get; }

    /// <summary>The training judgments (every grade, including 0 and below).</summary>
    Qrels Judgments { get; }

    /// <summary>
    /// The cell's single definition of a labelled positive: a judgment with grade ≥ PositiveGrade (≥ 1). Samplers,
    /// losses' in-batch exclusions and metrics all use it.
    /// </summary>
    int PositiveGrade { get; }

    /// <summary>The corpus ordinal of a document id, or -1 when the id is not in the corpus.</summary>
    /// <param name="documentId">The document id.</param>
    /// <returns>The index into <see cref="Corpus"/>, or -1.</returns>
    int IndexOf(string documentId);

    /// <summary>Whether a document is a labelled positive of a training query (grade ≥ <see cref="PositiveGrade"/>).</summary>
    /// <param name="queryId">The query id.</param>
    /// <param name="documentId">The document id.</param>
    /// <returns>True when labelled positive.</returns>
    bool IsLabelledPositive(string queryId, string documentId);

    /// <summary>The labelled positives of a training query, in ordinal order.</summary>
    /// <param name="queryId">The query id.</param>
    /// <returns>Document ids with grade ≥ <see cref="PositiveGrade"/>.</returns>
    IReadOnlyList<string> LabelledPositives(string queryId);
}
