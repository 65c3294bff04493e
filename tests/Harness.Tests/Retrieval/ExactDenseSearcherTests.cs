using Harness.Abstractions.Similarity;
using Harness.Retrieval.Dense;
using static TorchSharp.torch;

namespace Harness.Tests.Retrieval;

public sealed class ExactDenseSearcherTests
{
    [Test]
    public void Dot_product_top_k_matches_hand_computed_scores()
    {
        using var corpus = tensor(new float[] { 1, 0, 0, 1, 1, 1, 2, 0, -1, -1 }, [5, 2]);
        using var queries = tensor(new float[] { 1, 2, 3, 0 }, [2, 2]);
        var r = new ExactDenseSearcher(new DenseSearchOptions { ChunkSize = 2 }).Search(corpus, queries, 3);

        // q0 = (1,2): scores 1, 2, 3, 2, -3 -> d2 (3), d1 (2), d3 (2; tie broken by index).
        // q1 = (3,0): scores 3, 0, 3, 6, -3 -> d3 (6), d0 (3), d2 (3).
        Assert.That(r.K, Is.EqualTo(3));
        Assert.That(r.Indices, Is.EqualTo(new long[] { 2, 1, 3, 3, 0, 2 }));
        Assert.That(r.Scores, Is.EqualTo(new float[] { 3, 2, 2, 6, 3, 3 }));
        Assert.That(r.ToRankedList(1, "q1", ["a", "b", "c", "d", "e"]).Documents.Select(s => s.DocumentId), Is.EqualTo(new[] { "d", "a", "c" }));
    }

    [Test]
    public void Cosine_normalises_queries_and_documents()
    {
        using var corpus = tensor(new float[] { 10, 0, 1, 1, 0, 0.5f }, [3, 2]);
        using var queries = tensor(new float[] { 0, 3 }, [1, 2]);
        var r = new ExactDenseSearcher(new DenseSearchOptions { Similarity = SimilarityFunction.Cosine }).Search(corpus, queries, 3);
        Assert.That(r.Indices, Is.EqualTo(new long[] { 2, 1, 0 }));
        Assert.That(r.Scores[0], Is.EqualTo(1f).Within(1e-6));
        Assert.That(r.Scores[1], Is.EqualTo((float)Math.Sqrt(0.5)).Within(1e-6));
        Assert.That(r.Scores[2], Is.EqualTo(0f).Within(1e-6));
    }

    [Test]
    public void Ties_across_chunk_boundaries_and_the_kth_place_go_to_the_lowest_index()
    {
        // Ten identical documents: every score ties; the answer must be indices 0..3 whatever the chunking.
        using var corpus = ones(10, 4);
        using var queries = ones(2, 4);
        foreach (var chunk in new[] { 1, 3, 4, 7, 10, 64 })
        {
            var r = new ExactDenseSearcher(new DenseSearchOptions { ChunkSize = chunk, QueryBatchSize = 1 }).Search(corpus, queries, 4);
            Assert.That(r.Indices, Is.EqualTo(new long[] { 0, 1, 2, 3, 0, 1, 2, 3 }), $"chunk {chunk}");
        }

        // Within one chunk: the k-th score (2) is shared by four documents; the two lowest indices win.
        using var c2 = tensor(new float[] { 1, 2, 2, 3, 2, 2, 0 }, [7, 1]);
        using var q2 = tensor(new float[] { 1 }, [1, 1]);
        var r2 = new ExactDenseSearcher().Search(c2, q2, 3);
        Assert.That(r2.Indices, Is.EqualTo(new long[] { 3, 1, 2 }));
    }

    [Test]
    public void Random_integer_vectors_with_many_ties_match_a_brute_force_ranking()
    {
        var rng = new Random(11);
        const int n = 1_000, d = 3, q = 17, k = 25;
        var c = Enumerable.Range(0, n * d).Select(_ => (float)rng.Next(-2, 3)).ToArray();
        var qs = Enumerable.Range(0, q * d).Select(_ => (float)rng.Next(-2, 3)).ToArray();
        using var corpus = tensor(c, [n, d]);
        using var queries = tensor(qs, [q, d]);
        foreach (var (chunk, batch) in new[] { (64, 5), (100, 17), (333, 1), (5_000, 8) })
        {
            var r = new ExactDenseSearcher(new DenseSearchOptions { ChunkSize = chunk, QueryBatchSize = batch }).Search(corpus, queries, k);
            for (var i = 0; i < q; i++)
            {
                var expected = Enumerable.Range(0, n)
                    .Select(j => (Index: (long)j, Score: Enumerable.Range(0, d).Sum(x => qs[(i * d) + x] * c[(j * d) + x])))
                    .OrderByDescending(p => p.Score).ThenBy(p => p.Index).Take(k).ToArray();
                Assert.That(r.Indices.Skip(i * k).Take(k), Is.EqualTo(expected.Select(p => p.Index)), $"chunk {chunk}, query {i}");
                Assert.That(r.Scores.Skip(i * k).Take(k), Is.EqualTo(expected.Select(p => p.Score)));
            }
        }
    }

    [Test]
    public void Chunked_cosine_scores_are_the_shared_similarity_exactly_and_a_zero_vector_scores_zero()
    {
        // Retrieval and the losses score with one implementation (SimilarityMath): the chunked search must give the
        // very floats SimilarityMath.Matrix gives for the whole corpus at once, zero vector (eps = 1e-12) included.
        using var corpus = tensor(new float[] { 3, 4, 0, 0, 1, 2, -2, 1, 0.5f, 0.5f }, [5, 2]);
        using var queries = tensor(new float[] { 1, 1, -3, 0.25f }, [2, 2]);
        var r = new ExactDenseSearcher(new DenseSearchOptions { Similarity = SimilarityFunction.Cosine, ChunkSize = 2 }).Search(corpus, queries, 5);
        using var matrix = SimilarityMath.Matrix(queries, corpus, SimilarityFunction.Cosine);
        var expected = matrix.data<float>().ToArray();
        for (var q = 0; q < 2; q++)
        {
            for (var j = 0; j < 5; j++)
            {
                var doc = (int)r.Indices[(q * 5) + j];
                Assert.That(r.Scores[(q * 5) + j], Is.EqualTo(expected[(q * 5) + doc]), $"query {q}, document {doc}");
            }
        }

        // Document 1 is the zero vector: score 0 for both queries. q0 = (1,1)/sqrt2 against d0 = (3,4)/5 -> 7/(5 sqrt2).
        Assert.That(expected[1], Is.EqualTo(0f));
        Assert.That(expected[5 + 1], Is.EqualTo(0f));
        Assert.That(expected[0], Is.EqualTo(7 / (5 * Math.Sqrt(2))).Within(1e-6));
    }

    [Test]
    public void K_larger_than_the_corpus_returns_every_document()
    {
        using var corpus = tensor(new float[] { 1, 2, 3 }, [3, 1]);
        using var queries = tensor(new float[] { -1 }, [1, 1]);
        var r = new ExactDenseSearcher(new DenseSearchOptions { ChunkSize = 2 }).Search(corpus, queries, 10);
        Assert.That(r.K, Is.EqualTo(3));
        Assert.That(r.Indices, Is.EqualTo(new long[] { 0, 1, 2 }));
    }
}
