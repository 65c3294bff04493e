using Harness.Abstractions.Datasets;

namespace Harness.Conformance.NegativeSamplers;

/// <summary>
/// The training view of the blind check, deliberately built the wrong way: it also IS the full dataset, so a sampler
/// that casts its view to <see cref="IDataset"/> (or otherwise reaches past the view) can see the hidden positives.
/// A sampler that only uses <see cref="ITrainingData"/> gives the same output with it as with a proper view.
/// </summary>
internal sealed class LeakyTrainingData(IDataset dataset, TrainingDataView view) : ITrainingData, IDataset
{
    public string Name => view.Name;

    public string CorpusHash => view.CorpusHash;

    public string ContentHash => view.ContentHash;

    public IReadOnlyList<Document> Corpus => dataset.Corpus;

    public IReadOnlyList<Query> Queries => view.Queries;

    public Qrels Judgments => view.Judgments;

    public int PositiveGrade => view.PositiveGrade;

    public IReadOnlyList<Split> Splits => dataset.Splits;

    public int IndexOf(string documentId) => view.IndexOf(documentId);

    public bool IsLabelledPositive(string queryId, string documentId) => view.IsLabelledPositive(queryId, documentId);

    public IReadOnlyList<string> LabelledPositives(string queryId) => view.LabelledPositives(queryId);

    public IReadOnlyList<Query> GetQueries(Split split) => dataset.GetQueries(split);

    public Qrels GetQrels(Split split) => dataset.GetQrels(split);

    public Qrels GetHiddenPositives(Split split) => dataset.GetHiddenPositives(split);
}
