using Harness.Abstractions.Datasets;
using Harness.Plugins.Rerankers;

namespace Harness.Tests.Plugins.Rerankers;

public sealed class QueryLikelihoodRerankerTests
{
    private sealed class TwoDocs : IDataset
    {
        public string Name => "two";

        public string ContentHash => new('0', 64);

        // Collection: "a a b" + "b c" → cf(a)=2, cf(b)=2, cf(c)=1, |C| = 5.
        public IReadOnlyList<Document> Corpus { get; } = [new("d1", "", "a a b"), new("d2", "", "B, c!")];

        public IReadOnlyList<Split> Splits { get; } = [Split.Test];

        public IReadOnlyList<Query> GetQueries(Split split) => [new("q", "a z")];

        public Qrels GetQrels(Split split) => Qrels.Empty;

        public Qrels GetHiddenPositives(Split split) => Qrels.Empty;
    }

    [Test]
    public void Scores_match_dirichlet_smoothed_query_likelihood_computed_by_hand()
    {
        var data = new TwoDocs();
        var r = new QueryLikelihoodReranker(mu: 5);
        r.Prepare(TrainingDataView.Create(data));

        var scores = r.Score(new Query("q", "a z"), data.Corpus);

        // 'z' is not in the collection and is skipped. P(a|C) = 2/5.
        // d1: log((2 + 5·0.4) / (3 + 5)) = log(4/8); d2: log((0 + 2) / (2 + 5)) = log(2/7)
        Assert.That(scores[0], Is.EqualTo(Math.Log(4.0 / 8)).Within(1e-12));
        Assert.That(scores[1], Is.EqualTo(Math.Log(2.0 / 7)).Within(1e-12));
    }

    [Test]
    public void Scoring_before_prepare_says_what_to_do()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new QueryLikelihoodReranker(1).Score(new Query("q", "a"), []));
        Assert.That(e!.Message, Does.Contain("call Prepare(training) before Score"));
    }
}
