using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// Uniform random negatives: any corpus document that is not a labelled positive of the query (grade ≥ the training
/// view's <see cref="ITrainingData.PositiveGrade"/>). Unlabelled relevant documents (false negatives) can be drawn:
/// that is the baseline the other samplers are compared with. Draws only from the query's stream, so it is
/// order-independent and reproducible (the stream's algorithm is fixed by the contract).
/// </summary>
public sealed class RandomNegativeSampler : INegativeSampler
{
    private ITrainingData? _training;

    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _training = setup.Training;
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
        var training = _training ?? throw new InvalidOperationException("random sampler: call Prepare before Sample");
        var corpus = training.Corpus;
        var excluded = new HashSet<int>();
        foreach (var doc in alsoExcluded)
        {
            if (training.IndexOf(doc) is var i and >= 0)
            {
                excluded.Add(i);
            }
        }

        foreach (var doc in training.LabelledPositives(query.Id))
        {
            if (training.IndexOf(doc) is var i and >= 0)
            {
                excluded.Add(i);
            }
        }

        var available = corpus.Count - excluded.Count;
        List<string> chosen;
        string? shortfall = null;
        if (count >= available)
        {
            // Everything that is allowed, in a random order (Fisher-Yates with the query's stream).
            var all = Enumerable.Range(0, corpus.Count).Where(i => !excluded.Contains(i)).ToArray();
            for (var i = 0; i < all.Length - 1; i++)
            {
                var j = random.Next(i, all.Length);
                (all[i], all[j]) = (all[j], all[i]);
            }

            chosen = all.Select(i => corpus[i].Id).ToList();
            if (count > available)
            {
                shortfall = $"only {available} documents are not labelled positives of '{query.Id}'{(alsoExcluded.Count > 0 ? " or excluded" : string.Empty)}; asked for {count}";
            }
        }
        else
        {
            // Rejection sampling: cheap when count is small next to the corpus (the usual case), and each draw is
            // uniform over the allowed documents not yet chosen.
            chosen = new List<string>(count);
            var taken = new HashSet<int>(excluded);
            while (chosen.Count < count)
            {
                var i = random.Next(corpus.Count);
                if (taken.Add(i))
                {
                    chosen.Add(corpus[i].Id);
                }
            }
        }

        return new NegativeSample(chosen, shortfall)
        {
            Ranks = Enumerable.Repeat(-1, chosen.Count).ToList(),
            Sources = Enumerable.Repeat("random", chosen.Count).ToList(),
        };
    }
}
