using Harness.Abstractions.Datasets;
using Harness.Conformance.Datasets;
using Harness.Data.Hashing;

namespace Harness.Tests.Abstractions;

/// <summary>
/// The canonical hashes against SHA-256 of the serialisation built by hand (Python struct/hashlib, from the
/// documented format), and the training view's redaction.
/// </summary>
public sealed class DatasetContentHashTests
{
    private sealed class Tiny : IDataset
    {
        public string Name => "tiny";

        public string ContentHash => DatasetContentHash.Compute(this);

        // Out of id order on purpose: the canonical form sorts.
        public IReadOnlyList<Document> Corpus { get; } = [new("b", "", "y"), new("a", "T", "x")];

        public IReadOnlyList<Split> Splits { get; } = [Split.Train];

        public IReadOnlyList<Query> GetQueries(Split split) => split == Split.Train ? [new("q1", "x")] : [];

        public Qrels GetQrels(Split split) => split == Split.Train ? new Qrels.Builder().Add("q1", "a", 1).Build() : Qrels.Empty;

        public Qrels GetHiddenPositives(Split split) => split == Split.Train ? new Qrels.Builder().Add("q1", "b", 1).Build() : Qrels.Empty;
    }

    [Test]
    public void The_dataset_corpus_and_view_hashes_match_the_documented_serialisation()
    {
        var data = new Tiny();
        Assert.That(DatasetContentHash.Compute(data), Is.EqualTo("c525713b0d5e14c9b9058af4e01c7b6ebcf0ea90ead5f62fa7ebfeea65bd0f49"));
        Assert.That(DatasetContentHash.ComputeCorpus(data.Corpus), Is.EqualTo("bf284b3da483b7184e5aa50836ef0aa67f165b3140c55d65af030d64710487e2"));
        var view = TrainingDataView.FromParts("tiny", data.Corpus, data.GetQueries(Split.Train), data.GetQrels(Split.Train));
        Assert.That(view.ContentHash, Is.EqualTo("99099a44a5cb9343e97a42fd6c85f1bc1ea8bbec822323d1a92e6cbffc729bf9"));
        Assert.That(view.WithPositiveGrade(2).ContentHash, Is.Not.EqualTo(view.ContentHash));
    }

    [Test]
    public void Harness_data_and_the_conformance_dataset_use_the_one_canonical_hash()
    {
        var data = new ConformanceDataset();
        Assert.That(DatasetHasher.Compute(data), Is.EqualTo(DatasetContentHash.Compute(data)));
        Assert.That(data.ContentHash, Is.EqualTo(DatasetContentHash.Compute(data)));
        Assert.That(data.CorpusHash, Is.EqualTo(DatasetContentHash.ComputeCorpus(data.Corpus)));
    }

    [Test]
    public void The_training_view_exposes_train_data_only_and_cannot_be_cast_back_to_the_dataset()
    {
        var data = new ConformanceDataset();
        var view = TrainingDataView.Create(data, positiveGrade: 2);
        Assert.That(view, Is.Not.InstanceOf<IDataset>());
        Assert.That(view.Corpus, Is.Not.SameAs(data.Corpus).And.Not.InstanceOf<IDataset>());
        Assert.That(view.Queries.Select(q => q.Id), Is.EqualTo(data.GetQueries(Split.Train).Select(q => q.Id)));
        Assert.That(view.Judgments.All(), Is.EqualTo(data.GetQrels(Split.Train).All()));
        Assert.That(view.Judgments.QueryIds, Has.None.StartsWith("dev").And.None.StartsWith("test"));

        // The hidden positive d32 of train-0 is nowhere in the view; the one definition of a positive is grade ≥ 2 here.
        Assert.That(view.Judgments.Grade("train-0", "d32"), Is.Null);
        Assert.That(view.LabelledPositives("train-0"), Is.EqualTo(new[] { "d00" }));
        Assert.That(view.IsLabelledPositive("train-0", "d08"), Is.False);
        Assert.That(view.IndexOf("d47"), Is.EqualTo(47));
        Assert.That(view.IndexOf("nope"), Is.EqualTo(-1));
        Assert.That(view.CorpusHash, Is.EqualTo(data.CorpusHash));
        Assert.That(typeof(TrainingDataView).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance).Select(f => f.FieldType), Has.None.AssignableTo<IDataset>());
    }
}
