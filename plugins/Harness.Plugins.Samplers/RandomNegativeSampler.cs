using Harness.Abstractions.Data;
using Harness.Abstractions.Sampling;

namespace Harness.Plugins.Samplers;

/// <summary>
/// Uniform random negatives: any corpus document that is not a labelled positive (grade ≥ <c>minPositiveGrade</c>)
/// of the query in the prepared split. Unlabelled relevant documents (false negatives) can be drawn: that is the
/// baseline the other samplers are compared with.
/// </summary>
/// <param name="minPositiveGrade">The lowest grade that counts as a labelled positive.</param>
public sealed class RandomNegativeSampler(int minPositiveGrade) : INegativeSampler
{
    private string[] _ids = [];
    private Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private Qrels _qrels = Qrels.Empty;

    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _ids = setup.Dataset.Corpus.Select(d => d.Id).ToArray();
        _index = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            _index[_ids[i]] = i;
        }

        _qrels = setup.Dataset.GetQrels(setup.Split);
    }

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random) => SampleExcluding(query, count, random, []);

    /// <summary>Like <see cref="Sample"/>, never returning the documents in <paramref name="alsoExcluded"/> either.</summary>
    /// <param name="query">The query.</param>
    /// <param name="count">How many negatives.</param>
    /// <param name="random">The generator.</param>
    /// <param name="alsoExcluded">Document ids that must not be returned (for example negatives chosen already).</param>
    /// <returns>The negatives, with a reason when fewer than asked.</returns>
    public NegativeSample SampleExcluding(Query query, int count, Random random, IReadOnlyCollection<string> alsoExcluded)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(alsoExcluded);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var excluded = new HashSet<int>();
        foreach (var doc in alsoExcluded)
        {
            if (_index.TryGetValue(doc, out var i))
            {
                excluded.Add(i);
            }
        }

        foreach (var (doc, grade) in _qrels.For(query.Id))
        {
            if (grade >= minPositiveGrade && _index.TryGetValue(doc, out var i))
            {
                excluded.Add(i);
            }
        }

        var available = _ids.Length - excluded.Count;
        if (count >= available)
        {
            // Everything that is allowed, in a random order.
            var all = Enumerable.Range(0, _ids.Length).Where(i => !excluded.Contains(i)).ToArray();
            random.Shuffle(all);
            return new NegativeSample(
                all.Select(i => _ids[i]).ToList(),
                count > available ? $"only {available} documents are not labelled positives of '{query.Id}'{(alsoExcluded.Count > 0 ? " or excluded" : string.Empty)}; asked for {count}" : null);
        }

        // Rejection sampling: cheap when count is small next to the corpus (the usual case), and each draw is
        // uniform over the allowed documents not yet chosen.
        var chosen = new List<string>(count);
        var taken = new HashSet<int>(excluded);
        while (chosen.Count < count)
        {
            var i = random.Next(_ids.Length);
            if (taken.Add(i))
            {
                chosen.Add(_ids[i]);
            }
        }

        return new NegativeSample(chosen);
    }
}
