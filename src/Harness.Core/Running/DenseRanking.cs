using Harness.Abstractions.Encoders;
using Harness.Abstractions.Losses;
using Harness.Retrieval;
using Harness.Retrieval.Dense;
using static TorchSharp.torch;

namespace Harness.Core.Running;

/// <summary>
/// Exact dense first-stage retrieval with an encoder: encode the corpus and queries in batches without gradients,
/// then <see cref="ExactDenseSearcher"/>. (The same steps as <c>harness retrieve --method dense</c>; the house issue
/// moves both into Harness.Retrieval as one DenseRetriever.)
/// </summary>
public static class DenseRanking
{
    private const int Batch = 512;

    /// <summary>Ranks the corpus for each query.</summary>
    /// <param name="encoder">The encoder (not disposed here).</param>
    /// <param name="corpus">Document texts with their ids.</param>
    /// <param name="queries">Query texts.</param>
    /// <param name="similarity">Score function.</param>
    /// <param name="k">Documents per query.</param>
    /// <param name="device">Where to search.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    /// <returns>One ranking per query.</returns>
    public static IReadOnlyList<ScoredDocument>[] Search(IEncoder encoder, IReadOnlyList<(string Id, string Text)> corpus, IReadOnlyList<string> queries, SimilarityFunction similarity, int k, Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(queries);
        using var noGrad = no_grad();
        encoder.Module.eval();
        using var documents = EncodeAll(encoder, [.. corpus.Select(d => d.Text)], TextRole.Document, cancellationToken);
        using var encodedQueries = EncodeAll(encoder, [.. queries], TextRole.Query, cancellationToken);
        var top = new ExactDenseSearcher(new DenseSearchOptions { Similarity = similarity, Device = device })
            .Search(documents, encodedQueries, Math.Min(k, corpus.Count), cancellationToken);
        var ids = corpus.Select(d => d.Id).ToList();
        return [.. Enumerable.Range(0, queries.Count).Select(i => top.ToRanking(i, ids))];
    }

    private static Tensor EncodeAll(IEncoder encoder, List<string> texts, TextRole role, CancellationToken cancellationToken)
    {
        var parts = new List<Tensor>();
        for (var i = 0; i < texts.Count; i += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parts.Add(encoder.Encode(texts.GetRange(i, Math.Min(Batch, texts.Count - i)), role).cpu());
        }

        if (parts.Count == 0)
        {
            return zeros(0, encoder.Dimension);
        }

        var all = cat(parts, 0);
        foreach (var p in parts)
        {
            p.Dispose();
        }

        return all;
    }
}
