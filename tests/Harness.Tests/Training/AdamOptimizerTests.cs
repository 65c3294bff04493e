using Harness.Training;
using Harness.Training.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Tests.Training;

public sealed class AdamOptimizerTests
{
    private const double Lr = 0.1, B1 = 0.9, B2 = 0.999, Eps = 1e-8;

    [TestCase(OptimizerKind.Adam, 0.0)]
    [TestCase(OptimizerKind.Adam, 0.05)]
    [TestCase(OptimizerKind.AdamW, 0.05)]
    public void Dense_step_equals_torchsharps_own_optimizer(OptimizerKind kind, double weightDecay)
    {
        var g = new Generator(5);
        using var a = new Parameter(randn([4, 3], generator: g));
        using var b = new Parameter(a.detach().clone());
        using var ours = new AdamOptimizer([("p", a)], kind, B1, B2, Eps, weightDecay, sparseUpdates: true);
        using var theirs = kind == OptimizerKind.Adam
            ? (optim.Optimizer)optim.Adam([b], Lr, B1, B2, Eps, weightDecay)
            : optim.AdamW([b], Lr, B1, B2, Eps, weightDecay);
        for (var step = 0; step < 4; step++)
        {
            using var grad = randn([4, 3], generator: g);
            b.grad = grad.clone();
            theirs.step();
            ours.Step([grad], Lr);
        }

        Assert.That(a.detach().allclose(b.detach(), rtol: 0, atol: 1e-6), Is.True);
    }

    [Test]
    public void Lazy_sparse_update_matches_hand_computed_values()
    {
        // A 3 × 1 table. Step 1 touches rows 0 and 2 with gradients 2 and -1; step 2 touches row 0 only with 4.
        using var p = new Parameter(tensor(new float[] { 1, 1, 1 }, [3, 1]));
        using var adam = new AdamOptimizer([("table", p)], OptimizerKind.Adam, B1, B2, Eps, 0, sparseUpdates: true);
        using var g1 = Sparse([0, 2], [2f, -1f], 3);
        using var g2 = Sparse([0], [4f], 3);
        adam.Step([g1], Lr);
        var afterOne = p.detach().data<float>().ToArray();
        adam.Step([g2], Lr);
        var afterTwo = p.detach().data<float>().ToArray();

        // Step 1 (t = 1): m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g², so each touched row moves by lr·g/(|g| + ε).
        Assert.That(afterOne[0], Is.EqualTo(1 - (Lr * 2 / (2 + Eps))).Within(1e-7));
        Assert.That(afterOne[1], Is.EqualTo(1f));
        Assert.That(afterOne[2], Is.EqualTo(1 + (Lr * 1 / (1 + Eps))).Within(1e-7));

        // Step 2 (t = 2), row 0: m = 0.9·0.2 + 0.1·4 = 0.58, v = 0.999·0.004 + 0.001·16 = 0.019996;
        // m̂ = 0.58 / (1 − 0.81), v̂ = 0.019996 / (1 − 0.998001).
        var mHat = 0.58 / (1 - (0.9 * 0.9));
        var vHat = 0.019996 / (1 - (0.999 * 0.999));
        Assert.That(afterTwo[0], Is.EqualTo(afterOne[0] - (Lr * mHat / (Math.Sqrt(vHat) + Eps))).Within(1e-6));

        // Lazy: rows 1 and 2 are not in step 2's gradient, so they do not move (dense Adam would move row 2 by its
        // stale momentum).
        Assert.That(afterTwo[1], Is.EqualTo(afterOne[1]));
        Assert.That(afterTwo[2], Is.EqualTo(afterOne[2]));
    }

    [TestCase(OptimizerKind.Adam)]
    [TestCase(OptimizerKind.AdamW)]
    public void Sparse_update_equals_dense_update_when_every_row_is_touched(OptimizerKind kind)
    {
        var g = new Generator(9);
        using var dense = new Parameter(randn([5, 2], generator: g));
        using var sparse = new Parameter(dense.detach().clone());
        using var denseAdam = new AdamOptimizer([("t", dense)], kind, B1, B2, Eps, 0.01, sparseUpdates: true);
        using var sparseAdam = new AdamOptimizer([("t", sparse)], kind, B1, B2, Eps, 0.01, sparseUpdates: true);
        for (var step = 0; step < 3; step++)
        {
            using var values = randn([5, 2], generator: g);
            using var rows = tensor(new long[] { 4, 0, 3, 1, 2 });
            using var shuffled = values.index_select(0, rows);
            using var sparseGrad = SparseGradients.Coalesce(sparse_coo_tensor(rows.unsqueeze(0), shuffled, [5, 2]));
            denseAdam.Step([values], Lr);
            sparseAdam.Step([sparseGrad], Lr);
        }

        Assert.That(sparse.detach().allclose(dense.detach(), rtol: 0, atol: 1e-6), Is.True);
    }

    [Test]
    public void Coalesce_sums_duplicate_rows_and_sorts_them()
    {
        using var raw = sparse_coo_tensor(tensor(new long[] { 2, 0, 2 }).unsqueeze(0), tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]), [3, 2]);
        using var c = SparseGradients.Coalesce(raw);
        Assert.That(c.SparseIndices[0].data<long>().ToArray(), Is.EqualTo(new long[] { 0, 2 }));
        Assert.That(c.SparseValues.data<float>().ToArray(), Is.EqualTo(new float[] { 3, 4, 6, 8 }));
        Assert.That(c.to_dense().data<float>().ToArray(), Is.EqualTo(new float[] { 3, 4, 0, 0, 6, 8 }));
    }

    [Test]
    public void Embedding_bag_with_sparse_gradients_is_trained_row_wise()
    {
        using var bag = nn.EmbeddingBag(6, 2, mode: EmbeddingBagMode.Mean, sparse: true);
        using var input = tensor(new long[] { 1, 3, 3, 5 });
        using var offsets = tensor(new long[] { 0, 2 });
        bag.call(input, offsets).sum().backward();
        var weight = bag.weight!;
        Assert.That(weight.grad!.is_sparse, Is.True);
        using var c = SparseGradients.Coalesce(weight.grad);

        // Bag 0 = mean(1, 3), bag 1 = mean(3, 5): d/dw of the sum is 1/2 for rows 1 and 5 and 1/2 + 1/2 for row 3.
        Assert.That(c.SparseIndices[0].data<long>().ToArray(), Is.EqualTo(new long[] { 1, 3, 5 }));
        Assert.That(c.SparseValues.data<float>().ToArray(), Is.EqualTo(new float[] { 0.5f, 0.5f, 1, 1, 0.5f, 0.5f }));
    }

    private static Tensor Sparse(long[] rows, float[] values, long size) =>
        SparseGradients.Coalesce(sparse_coo_tensor(tensor(rows).unsqueeze(0), tensor(values, [rows.Length, 1]), [size, 1]));
}
