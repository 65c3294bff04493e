using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Training;
using Harness.Training.Accounting;

namespace Harness.Tests.Training;

public sealed class NegativesAccountingTests
{
    // Hidden positives: q1 {h1, h2 (grade 1)}, q2 {h3 (grade 2), p1 (grade 1; q1's labelled positive)}, q3 {h4}.
    private static readonly Qrels Hidden = new Qrels.Builder()
        .Add("q1", "h1", 1).Add("q1", "h2", 1)
        .Add("q2", "h3", 2).Add("q2", "p1", 1)
        .Add("q3", "h4", 1)
        .Build();

    private static readonly Qrels Judgments = new Qrels.Builder().Add("q1", "p1", 1).Add("q2", "p2", 1).Add("q3", "p3", 1).Build();

    private static List<NegativesRecord> Records() =>
    [
        // Epoch 0, step 1, micro-batch 0: q1 and q2 share a loss batch.
        new(0, 1, "q1", ["p1"], new NegativeSample(["h1", "n1", "h2"])),
        new(0, 1, "q2", ["p2"], new NegativeSample(["n1", "h3"], "only 2 candidates")),

        // Epoch 0, step 1, micro-batch 1: q3 alone (h1 is not q3's hidden positive).
        new(0, 1, "q3", ["p3"], new NegativeSample(["h1", "n2", "n3"]), MicroBatch: 1),

        // Epoch 0, step 2: a row left out of the loss (a shortfall the loss cannot mask): its h4 never reached the loss.
        new(0, 2, "q3", ["p3"], new NegativeSample(["h4"], "only 1 candidate"), Used: false),

        // Epoch 1.
        new(1, 3, "q1", ["p1"], new NegativeSample(["n4", "h2"])),
    ];

    [Test]
    public void Counts_sampled_and_in_batch_false_negatives_by_hand()
    {
        var rows = new NegativesAccounting(Hidden, Judgments, positiveGrade: 1).Count(Records(), "bm25", inBatchNegatives: true);

        Assert.That(rows, Has.Count.EqualTo(2));
        var first = rows[0];
        Assert.That(first.Epoch, Is.EqualTo(1), "negatives.parquet numbers epochs from 1");
        Assert.That(first.Sampler, Is.EqualTo("bm25"));
        Assert.That(first.Queries, Is.EqualTo(4));
        Assert.That(first.Negatives, Is.EqualTo(3 + 2 + 3), "the unused row's negative never reached the loss");
        Assert.That(first.Shortfalls, Is.EqualTo(2));
        Assert.That(first.FalseNegatives, Is.EqualTo(2 + 1), "q1: h1, h2; q2: h3; q3's h1 is not q3's");

        // q1's row sees q2's p2, n1, h3: none is q1's hidden positive. q2's row sees q1's p1 (q2's hidden positive,
        // not excluded: it is not labelled for q2), h1, n1, h2: 1. Micro-batch 1 holds one row: no in-batch columns.
        Assert.That(first.InBatchFalseNegatives, Is.EqualTo(1));
        Assert.That(first.Dropped, Is.Zero);
        Assert.That(first.DroppedFalseNegatives, Is.Zero);
        Assert.That(first.RankMin, Is.Null, "no rank reported");
        Assert.That(first.RankMedian, Is.Null);
        Assert.That(first.FalseNegativeRate, Is.EqualTo(3.0 / 8));

        Assert.That(rows[1], Is.EqualTo(new NegativesAccount(2, "bm25", 1, 2, 0, null, null, null, 1, 0, 0, 0)));
    }

    [Test]
    public void In_batch_false_negatives_are_zero_when_the_loss_uses_no_in_batch_negatives()
    {
        var rows = new NegativesAccounting(Hidden, Judgments, 1).Count(Records(), "bm25", inBatchNegatives: false);
        Assert.That(rows[0].InBatchFalseNegatives, Is.Zero);
        Assert.That(rows[0].FalseNegatives, Is.EqualTo(3));
    }

    [Test]
    public void A_hidden_pair_below_the_positive_grade_is_not_a_false_negative()
    {
        var rows = new NegativesAccounting(Hidden, Judgments, positiveGrade: 2).Count(Records(), "bm25", inBatchNegatives: true);
        Assert.That(rows[0].FalseNegatives, Is.EqualTo(1), "only q2's h3 has grade 2");
        Assert.That(rows[0].InBatchFalseNegatives, Is.Zero, "q2's p1 has grade 1");
        Assert.That(rows[1].FalseNegatives, Is.Zero);
    }

    [Test]
    public void A_column_labelled_positive_for_the_row_is_excluded_even_when_hidden_elsewhere()
    {
        // q2 labels x as positive; x is also among q2's hidden pairs in an inconsistent dataset: excluded columns are
        // never counted as in-batch negatives, exactly as the batch builder masks them.
        var hidden = new Qrels.Builder().Add("q2", "x", 1).Build();
        var judgments = new Qrels.Builder().Add("q1", "x", 1).Add("q2", "p2", 1).Add("q2", "x", 1).Build();
        List<NegativesRecord> records =
        [
            new(0, 1, "q1", ["x"], new NegativeSample([])),
            new(0, 1, "q2", ["p2"], new NegativeSample([])),
        ];

        var rows = new NegativesAccounting(hidden, judgments, 1).Count(records, "in-batch", inBatchNegatives: true);
        Assert.That(rows[0].InBatchFalseNegatives, Is.Zero);
        Assert.That(rows[0].Negatives, Is.Zero);
    }

    [Test]
    public void Filter_precision_and_recall_follow_from_the_counts()
    {
        var account = new NegativesAccount(1, "fn-filter", 10, 40, 0, 0, 5, 20, FalseNegatives: 3, InBatchFalseNegatives: 0, Dropped: 8, DroppedFalseNegatives: 6);
        Assert.That(account.FilterPrecision, Is.EqualTo(6.0 / 8));
        Assert.That(account.FilterRecall, Is.EqualTo(6.0 / 9));
        Assert.That(account.FalseNegativeRate, Is.EqualTo(3.0 / 40));
        Assert.That(new NegativesAccount(1, "random", 1, 0, 1, null, null, null, 0, 0, 0, 0).FilterRecall, Is.Null);
    }

    [Test]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new NegativesAccounting(Hidden, Judgments, 0));
        Assert.Throws<ArgumentException>(() => new NegativesAccounting(Hidden, Judgments, 1).Count(Records(), " ", true));
    }
}
