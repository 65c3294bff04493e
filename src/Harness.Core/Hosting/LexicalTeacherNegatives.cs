using Harness.Abstractions.Datasets;
using Harness.Abstractions.NegativeSamplers;
using Harness.Abstractions.Services;

namespace Harness.Core.Hosting;

/// <summary>
/// The negatives a teacher reranker is trained on: a uniform draw from the query's BM25 top <c>depth</c>, labelled
/// positives excluded. RocketQA trains its cross-encoder on negatives sampled from a first-stage retriever's top
/// results; the host has BM25 for every cell (the dense retriever is what the teacher is about to denoise, so it is
/// not used to train the teacher).
/// </summary>
/// <param name="searcher">The host's BM25.</param>
/// <param name="training">The training view (labelled positives).</param>
/// <param name="depth">How deep to draw from (100).</param>
public sealed class LexicalTeacherNegatives(ILexicalSearcher searcher, ITrainingData training, int depth = 100) : INegativeSampler
{
    /// <inheritdoc />
    public void Prepare(NegativeSamplerSetup setup)
    {
    }

    /// <inheritdoc />
    public NegativeSample Sample(Query query, int count, Random random)
    {
        var pool = searcher.Search(query, depth)
            .Where(c => !training.IsLabelledPositive(query.Id, c.DocumentId))
            .Select(c => c.DocumentId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        random.Shuffle(pool);
        var chosen = pool.Take(count).ToList();
        return new NegativeSample(chosen, chosen.Count < count ? $"BM25 top {depth} has {pool.Length} non-positive documents" : null);
    }
}
