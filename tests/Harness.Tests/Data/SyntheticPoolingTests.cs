using Harness.Abstractions.Datasets;
using Harness.Data.Synthetic;

namespace Harness.Tests.Data;

public sealed class SyntheticPoolingTests
{
    private static readonly SyntheticOptions Pooled = new() { Documents = 2_000, Queries = 100, RelevantPerQuery = 5, VocabularySize = 5_000, Topics = 20, PoolDepth = 10, Seed = 11 };

    [Test]
    public void Training_judgments_are_exactly_an_independent_bm25_top_k_with_true_grades()
    {
        var pooled = new SyntheticDataset(Pooled);
        var full = new SyntheticDataset(Pooled with { PoolDepth = 0 });
        var corpus = full.Corpus.ToList();
        var truth = full.GetQrels(Split.Train);
        var judged = pooled.GetQrels(Split.Train);
        var hidden = pooled.GetHiddenPositives(Split.Train);
        var bm25 = new StringBm25(corpus.Select(d => d.Text).ToList());
        foreach (var q in pooled.GetQueries(Split.Train))
        {
            var expected = bm25.Top(q.Text, Pooled.PoolDepth).Select(i => corpus[i].Id).ToList();
            Assert.That(judged.For(q.Id).Keys, Is.EquivalentTo(expected), q.Id);
            foreach (var (doc, grade) in judged.For(q.Id))
            {
                Assert.That(grade, Is.EqualTo(truth.Grade(q.Id, doc) ?? 0), $"{q.Id}/{doc} judged with its true grade");
            }

            var missed = truth.For(q.Id).Where(p => !expected.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
            Assert.That(hidden.For(q.Id), Is.EquivalentTo(missed), $"{q.Id}: hidden positives are the relevant documents the pool missed");
        }

        Assert.That(pooled.GetQrels(Split.Test).All(), Is.EquivalentTo(full.GetQrels(Split.Test).All()), "test judgments stay complete");
        Assert.That(pooled.GetHiddenPositives(Split.Test).Count, Is.Zero);
        Assert.That(pooled.Name, Is.EqualTo("synthetic-2k-pool10"));
        Assert.That(pooled.ContentHash, Is.Not.EqualTo(full.ContentHash));
    }

    [Test]
    public void The_pool_misses_low_grade_relevant_documents_that_a_deeper_search_finds()
    {
        var pooled = new SyntheticDataset(Pooled with { Documents = 5_000, Queries = 300, PoolDepth = 5 });
        var hidden = pooled.GetHiddenPositives(Split.Train).All().ToList();
        var judgedRelevant = pooled.GetQrels(Split.Train).All().Where(j => j.Grade > 0).ToList();
        Assert.That(hidden, Is.Not.Empty);
        Assert.That(hidden.Count + judgedRelevant.Count, Is.EqualTo(pooled.TrainingRelevantPairs));
        Assert.That(hidden.Average(h => h.Grade), Is.LessThan(judgedRelevant.Average(j => j.Grade)), "weak pools miss the weakly matching documents first");

        // A stronger (deeper) search surfaces hidden positives: they are exactly what the pool did not reach.
        var corpus = pooled.Corpus.ToList();
        var bm25 = new StringBm25(corpus.Select(d => d.Text).ToList());
        var queries = pooled.GetQueries(Split.Train).ToDictionary(q => q.Id);
        var found = hidden.Count(h => bm25.Top(queries[h.QueryId].Text, 100).Select(i => corpus[i].Id).Contains(h.DocumentId));
        Assert.That(found, Is.GreaterThan(hidden.Count / 4));
    }

    [Test]
    public void Pooling_and_a_false_negative_rate_are_exclusive_and_depth_is_checked()
    {
        Assert.That(new SyntheticOptions { PoolDepth = 10, FalseNegativeRate = 0.3 }.Validate(), Has.Some.Contains("exclusive"));
        Assert.That(new SyntheticOptions { PoolDepth = -1 }.Validate(), Has.Some.Contains("pool depth"));
        Assert.That(new SyntheticOptions { PoolDepth = 10 }.Validate(), Is.Empty);
    }

    /// <summary>BM25 over whitespace tokens of strings (k1 = 0.9, b = 0.4, Lucene's idf), written independently of
    /// the dataset's pooling code, which works on vocabulary ids.</summary>
    private sealed class StringBm25
    {
        private readonly List<Dictionary<string, int>> _tf;
        private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
        private readonly double _avg;

        public StringBm25(IReadOnlyList<string> texts)
        {
            _tf = texts.Select(t => t.Split(' ').GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count())).ToList();
            foreach (var d in _tf)
            {
                foreach (var w in d.Keys)
                {
                    _df[w] = _df.GetValueOrDefault(w) + 1;
                }
            }

            _avg = _tf.Average(d => d.Values.Sum());
        }

        public IEnumerable<int> Top(string query, int k)
        {
            var n = _tf.Count;
            var terms = query.Split(' ');
            return Enumerable.Range(0, n)
                .Select(i =>
                {
                    var len = _tf[i].Values.Sum();
                    var s = 0.0;
                    foreach (var t in terms)
                    {
                        if (_tf[i].TryGetValue(t, out var f))
                        {
                            var idf = Math.Log(1 + ((n - _df[t] + 0.5) / (_df[t] + 0.5)));
                            s += idf * f * 1.9 / (f + (0.9 * (0.6 + (0.4 * len / _avg))));
                        }
                    }

                    return (i, s);
                })
                .Where(p => p.s > 0)
                .OrderByDescending(p => p.s)
                .ThenBy(p => p.i)
                .Take(k)
                .Select(p => p.i);
        }
    }
}
