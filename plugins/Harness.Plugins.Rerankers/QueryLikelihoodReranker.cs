using Harness.Abstractions.Datasets;
using Harness.Abstractions.Rerankers;

namespace Harness.Plugins.Rerankers;

/// <summary>
/// Query likelihood with Dirichlet smoothing (Zhai and Lafferty, 2001):
/// <c>score(q, d) = Σ_{t ∈ q} log( (tf(t, d) + μ·P(t|C)) / (|d| + μ) )</c>, where P(t|C) is the term's share of the
/// collection prepared with <see cref="Prepare"/>. Query terms absent from the collection are skipped (they would
/// add the same constant to every document's score).
/// </summary>
/// <param name="mu">The Dirichlet prior μ &gt; 0.</param>
public sealed class QueryLikelihoodReranker(double mu) : IReranker
{
    private Dictionary<string, long> _collectionFrequency = new(StringComparer.Ordinal);
    private long _collectionLength;

    /// <inheritdoc />
    public void Prepare(ITrainingData training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var cf = new Dictionary<string, long>(StringComparer.Ordinal);
        long length = 0;
        foreach (var doc in training.Corpus)
        {
            foreach (var t in Tokenizer.Terms(doc.FullText))
            {
                cf[t] = cf.GetValueOrDefault(t) + 1;
                length++;
            }
        }

        _collectionFrequency = cf;
        _collectionLength = length;
    }

    /// <inheritdoc />
    public IReadOnlyList<double> Score(Query query, IReadOnlyList<Document> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        if (_collectionLength == 0)
        {
            throw new InvalidOperationException("query-likelihood: call Prepare(training) before Score (collection statistics are empty)");
        }

        var queryTerms = Tokenizer.Terms(query.Text)
            .Where(_collectionFrequency.ContainsKey)
            .Select(t => (Term: t, Background: (double)_collectionFrequency[t] / _collectionLength))
            .ToList();
        var scores = new double[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var terms = Tokenizer.Terms(candidates[i].FullText);
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in terms)
            {
                tf[t] = tf.GetValueOrDefault(t) + 1;
            }

            var denominator = Math.Log(terms.Count + mu);
            var score = 0.0;
            foreach (var (term, background) in queryTerms)
            {
                score += Math.Log(tf.GetValueOrDefault(term) + (mu * background)) - denominator;
            }

            scores[i] = score;
        }

        return scores;
    }
}
