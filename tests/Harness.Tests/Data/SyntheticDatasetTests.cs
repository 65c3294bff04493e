using Harness.Abstractions.Datasets;
using Harness.Data.Synthetic;

namespace Harness.Tests.Data;

public sealed class SyntheticDatasetTests
{
    private static readonly SyntheticOptions Small = new() { Documents = 2_000, Queries = 200, RelevantPerQuery = 5, VocabularySize = 5_000, Topics = 20, FalseNegativeRate = 0.2, Seed = 7 };

    [Test]
    public void Same_seed_gives_the_same_hash_and_another_seed_another()
    {
        var a = new SyntheticDataset(Small);
        var b = new SyntheticDataset(Small);
        var c = new SyntheticDataset(Small with { Seed = 8 });

        Assert.That(a.ContentHash, Is.EqualTo(b.ContentHash));
        Assert.That(a.ContentHash, Is.Not.EqualTo(c.ContentHash));
        Assert.That(a.Corpus[123], Is.EqualTo(b.Corpus[123]));
        Assert.That(a.Name, Is.EqualTo("synthetic-2k"));
    }

    [TestCase(0.0)]
    [TestCase(0.1)]
    [TestCase(0.2)]
    [TestCase(0.33)]
    [TestCase(0.5)]
    public void Hidden_positive_count_matches_the_requested_rate_within_one_percent(double rate)
    {
        var ds = new SyntheticDataset(new SyntheticOptions { Documents = 20_000, Queries = 1_000, RelevantPerQuery = 4, FalseNegativeRate = rate, Seed = 3 });
        var hidden = ds.GetHiddenPositives(Split.Train).Count;
        var labelled = ds.GetQrels(Split.Train).Count;

        Assert.That(hidden + labelled, Is.EqualTo(ds.TrainingRelevantPairs));
        Assert.That(ds.TrainingRelevantPairs, Is.EqualTo(ds.GetQueries(Split.Train).Count * 4));
        Assert.That((double)hidden / ds.TrainingRelevantPairs, Is.EqualTo(rate).Within(0.01));
        Assert.That(hidden, Is.EqualTo((long)Math.Round(rate * ds.TrainingRelevantPairs, MidpointRounding.AwayFromZero)), "exact rounding, not just within 1 %");
        foreach (var q in ds.GetQueries(Split.Train))
        {
            Assert.That(ds.GetQrels(Split.Train).Relevant(q.Id), Is.Not.Empty, $"{q.Id} keeps a labelled positive");
        }

        Assert.That(ds.GetHiddenPositives(Split.Dev).Count + ds.GetHiddenPositives(Split.Test).Count, Is.Zero);
    }

    [Test]
    public void Hidden_positives_are_relevant_pairs_not_in_the_qrels()
    {
        var ds = new SyntheticDataset(Small);
        var qrels = ds.GetQrels(Split.Train);
        foreach (var (q, d, g) in ds.GetHiddenPositives(Split.Train).All())
        {
            Assert.That(qrels.Grade(q, d), Is.Null);
            Assert.That(g, Is.InRange(1, Small.MaxGrade));
        }
    }

    [Test]
    public void Splits_are_disjoint_and_cover_every_query_with_its_relevant_documents()
    {
        var ds = new SyntheticDataset(Small);
        var ids = ds.Splits.SelectMany(s => ds.GetQueries(s)).Select(q => q.Id).ToList();
        Assert.That(ids, Has.Count.EqualTo(Small.Queries));
        Assert.That(ids, Is.Unique);
        Assert.That(ds.Splits, Is.EqualTo(new[] { Split.Train, Split.Dev, Split.Test }));
        foreach (var s in ds.Splits)
        {
            foreach (var q in ds.GetQueries(s))
            {
                var all = ds.GetQrels(s).For(q.Id).Count + ds.GetHiddenPositives(s).For(q.Id).Count;
                Assert.That(all, Is.EqualTo(Small.RelevantPerQuery));
            }
        }

        var docIds = ds.Corpus.Select(d => d.Id).ToList();
        Assert.That(docIds, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(docIds, Is.Unique);
    }

    [Test]
    public void Relevant_documents_carry_query_terms_and_more_of_them_at_higher_grades()
    {
        var ds = new SyntheticDataset(Small with { FalseNegativeRate = 0 });
        var byId = ds.Corpus.ToDictionary(d => d.Id);
        var overlapByGrade = new Dictionary<int, List<int>>();
        foreach (var s in ds.Splits)
        {
            foreach (var q in ds.GetQueries(s))
            {
                var terms = q.Text.Split(' ').ToHashSet();
                foreach (var (doc, grade) in ds.GetQrels(s).For(q.Id))
                {
                    var overlap = byId[doc].Text.Split(' ').Count(terms.Contains);
                    Assert.That(overlap, Is.GreaterThanOrEqualTo(grade), $"{q.Id}/{doc}");
                    (overlapByGrade.TryGetValue(grade, out var l) ? l : overlapByGrade[grade] = []).Add(overlap);
                }
            }
        }

        Assert.That(overlapByGrade[3].Average(), Is.GreaterThan(overlapByGrade[1].Average()));
    }

    [Test]
    public void Invalid_options_are_rejected_with_every_problem()
    {
        var problems = new SyntheticOptions { Documents = 100, Queries = 50, RelevantPerQuery = 5, FalseNegativeRate = 0.9 }.Validate();
        Assert.That(problems, Has.Some.Contains("exceeds documents"));
        Assert.That(problems, Has.Some.Contains("false-negative rate"));
        Assert.Throws<ArgumentException>(() => _ = new SyntheticDataset(new SyntheticOptions { Documents = 100, Queries = 50 }));
    }

    [Test]
    [NonParallelizable] // measures managed memory
    public void A_million_documents_are_generated_lazily()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var ds = new SyntheticDataset(new SyntheticOptions { Documents = 1_000_000, Queries = 10_000, RelevantPerQuery = 10, FalseNegativeRate = 0.1 });
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(ds);

        Assert.That(ds.Corpus, Has.Count.EqualTo(1_000_000));
        Assert.That(ds.Corpus[999_999].Id, Is.EqualTo("d0999999"));
        Assert.That(ds.Corpus[999_999].Text, Is.Not.Empty);
        Assert.That(after - before, Is.LessThan(100L << 20), "no materialised corpus");
        Assert.That((double)ds.GetHiddenPositives(Split.Train).Count / ds.TrainingRelevantPairs, Is.EqualTo(0.1).Within(0.01));
    }
}
