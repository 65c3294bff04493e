using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using static TorchSharp.torch;

namespace Harness.Conformance.Losses;

/// <summary>
/// Conformance checks for losses. The batch is built so that every sensible loss is in its active region: queries
/// are orthogonal unit vectors, each positive is nearly orthogonal to every query (a low score) and each negative
/// lies close to its own query (a high score). Moving a positive toward its query, or a negative away from it, then
/// changes only that query's scores, so the loss must go down.
/// </summary>
public static class LossConformance
{
    private const int BatchSize = 4;
    private const int Candidates = 4;
    private const int Dim = 16;

    /// <summary>Runs every loss check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="create">Creates a fresh loss for a context (called several times).</param>
    /// <param name="seed">The seed for contexts and batches.</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, ILoss> create, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(create);
        var r = new CheckRecorder(subject);
        ILoss loss;
        try
        {
            loss = create(ConformanceContext.Create(seed));
        }
        catch (Exception e)
        {
            r.Fail("creates with default parameters", $"threw {e.GetType().Name}: {e.Message}");
            return r.Results;
        }

        r.Run("returns a finite scalar", () =>
        {
            using var scope = NewDisposeScope();
            var (q, d, l) = HardBatch(seed);
            var value = loss.Compute(new LossBatch(q, d, l));
            if (value.numel() != 1 || value.dim() > 1)
            {
                return $"expected a scalar, got shape [{string.Join(",", value.shape)}]";
            }

            var v = value.to_type(ScalarType.Float64).item<double>();
            return double.IsFinite(v) ? null : $"value is {v}";
        });

        r.Run("gradient reaches queries and documents", () =>
        {
            using var scope = NewDisposeScope();
            var (q0, d0, l) = HardBatch(seed);
            var q = q0.detach().requires_grad_(true);
            var d = d0.detach().requires_grad_(true);
            loss.Compute(new LossBatch(q, d, l)).backward();
            var qg = q.grad is null ? 0 : q.grad.abs().sum().item<float>();
            var pg = d.grad is null ? 0 : d.grad[.., 0].abs().sum().item<float>();
            var ng = d.grad is null ? 0 : d.grad[.., 1..].abs().sum().item<float>();
            var missing = new List<string>();
            if (!(qg > 0 && float.IsFinite(qg)))
            {
                missing.Add($"queries (|grad| sum {qg})");
            }

            if (!(pg > 0 && float.IsFinite(pg)))
            {
                missing.Add($"positives (|grad| sum {pg})");
            }

            if (!(ng > 0 && float.IsFinite(ng)))
            {
                missing.Add($"negatives (|grad| sum {ng})");
            }

            return missing.Count == 0 ? null : $"no finite non-zero gradient for {string.Join(", ", missing)}";
        });

        r.Run("decreases when a positive's score rises", () =>
        {
            using var scope = NewDisposeScope();
            var (q, d, l) = HardBatch(seed);
            var before = Value(loss, q, d, l);
            using var _ = no_grad();
            var moved = d.clone();
            moved[0, 0] = (d[0, 0] * 0.5f) + (q[0] * 0.5f);
            var after = Value(loss, q, moved, l);
            return after < before - (1e-6 * Math.Max(1, Math.Abs(before)))
                ? null
                : $"loss {before:R} became {after:R} when the first query's positive moved toward it";
        });

        r.Run("decreases when a negative's score falls", () =>
        {
            using var scope = NewDisposeScope();
            var (q, d, l) = HardBatch(seed);
            var before = Value(loss, q, d, l);
            using var _ = no_grad();
            var moved = d.clone();
            moved[0, 1] = d[0, 1] - (q[0] * 1.5f);
            var after = Value(loss, q, moved, l);
            return after < before - (1e-6 * Math.Max(1, Math.Abs(before)))
                ? null
                : $"loss {before:R} became {after:R} when the first query's hardest negative moved away from it";
        });

        r.Run("invariant to batch order", () =>
        {
            using var scope = NewDisposeScope();
            var (q, d, l) = RandomBatch(seed + 1);
            var before = Value(loss, q, d, l);
            var perm = tensor(new long[] { 2, 0, 3, 1 });
            var after = Value(loss, q.index_select(0, perm), d.index_select(0, perm), l.index_select(0, perm));
            return Math.Abs(after - before) <= 1e-5 * Math.Max(1, Math.Abs(before))
                ? null
                : $"loss {before:R} became {after:R} when the queries of the batch were permuted";
        });

        r.Run("deterministic for a seed", () =>
        {
            using var scope = NewDisposeScope();
            var (q, d, l) = RandomBatch(seed + 2);
            var a = Value(create(ConformanceContext.Create(seed)), q, d, l);
            var b = Value(create(ConformanceContext.Create(seed)), q, d, l);
            var c = Value(loss, q, d, l);
            var e = Value(loss, q, d, l);
            return a.Equals(b) && c.Equals(e)
                ? null
                : $"two instances with seed {seed} gave {a:R} and {b:R}; one instance twice gave {c:R} and {e:R}";
        });

        return r.Results;
    }

    /// <summary>Runs the checks on a loss plugin with its default parameters.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(ILossPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var p = parameters ?? PluginParameters.Resolve(plugin.Info.Parameters);
        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx));
    }

    private static double Value(ILoss loss, Tensor q, Tensor d, Tensor l)
    {
        using var _ = no_grad();
        return loss.Compute(new LossBatch(q, d, l)).to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>Orthogonal unit queries; positives nearly orthogonal to all queries; negatives close to their query.</summary>
    private static (Tensor Queries, Tensor Documents, Tensor Labels) HardBatch(int seed)
    {
        var g = new Generator((ulong)seed);
        var basis = eye(Dim, dtype: ScalarType.Float32);
        var q = basis[..BatchSize].clone();
        var d = zeros(BatchSize, Candidates, Dim);
        for (var i = 0; i < BatchSize; i++)
        {
            d[i, 0] = basis[BatchSize + i] + (randn(Dim, generator: g) * 0.02f);
            for (var k = 1; k < Candidates; k++)
            {
                // Negatives near the query; the first (k = 1) is the hardest.
                d[i, k] = (q[i] * (1.0f - (0.05f * k))) + (randn(Dim, generator: g) * 0.02f);
            }
        }

        return (q, d, Labels());
    }

    private static (Tensor Queries, Tensor Documents, Tensor Labels) RandomBatch(int seed)
    {
        var g = new Generator((ulong)seed);
        return (randn(BatchSize, Dim, generator: g), randn(BatchSize, Candidates, Dim, generator: g), Labels());
    }

    private static Tensor Labels()
    {
        var l = zeros(BatchSize, Candidates);
        l[.., 0] = 1;
        return l;
    }
}
