using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Services;

namespace Harness.Plugins.NegativeSamplers;

/// <summary>
/// Turns one query's mined ranking into a <see cref="NegativeSample"/>: labelled positives removed (the training
/// view's single definition), the <c>skipTop</c> best unlabelled candidates and any candidate a filter rejects
/// reported as Dropped, then the hardest <c>count</c> or a uniform draw from the rest, with ranks, scores, sources and
/// the index version the pool was mined at. Shared by the dense samplers so they choose alike.
/// </summary>
internal static class MinedPool
{
    public static NegativeSample Choose(
        ITrainingData training,
        Query query,
        IReadOnlyList<ScoredCandidate> ranked,
        int count,
        Random random,
        bool uniform,
        int skipTop,
        string source,
        long? minedAt,
        Func<ScoredCandidate, bool>? reject = null)
    {
        var unlabelled = ranked.Where(c => !training.IsLabelledPositive(query.Id, c.DocumentId)).ToList();
        var dropped = unlabelled.Take(skipTop).Select(c => c.DocumentId).ToList();
        var pool = new List<ScoredCandidate>();
        foreach (var c in unlabelled.Skip(skipTop))
        {
            if (reject is not null && reject(c))
            {
                dropped.Add(c.DocumentId);
            }
            else
            {
                pool.Add(c);
            }
        }

        List<ScoredCandidate> chosen;
        if (pool.Count <= count)
        {
            chosen = pool;
        }
        else if (uniform)
        {
            // Partial Fisher-Yates over a copy: the first `count` slots are a uniform sample without replacement.
            var copy = pool.ToArray();
            for (var i = 0; i < count; i++)
            {
                var j = random.Next(i, copy.Length);
                (copy[i], copy[j]) = (copy[j], copy[i]);
            }

            chosen = copy.Take(count).ToList();
        }
        else
        {
            chosen = pool.Take(count).ToList();
        }

        var shortfall = chosen.Count < count
            ? $"{source} mining gave {chosen.Count} negatives for '{query.Id}' ({ranked.Count} mined, labelled positives removed, {dropped.Count} dropped); asked for {count}"
            : null;
        return new NegativeSample(chosen.Select(c => c.DocumentId).ToList(), shortfall)
        {
            Ranks = chosen.Select(c => c.Rank).ToList(),
            Scores = chosen.Select(c => c.Score).ToList(),
            Sources = Enumerable.Repeat(source, chosen.Count).ToList(),
            Dropped = dropped,
            MinedAtModelVersion = minedAt,
        };
    }
}
