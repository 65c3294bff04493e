using Harness.Abstractions.Losses;
using Harness.Abstractions.Plugins;
using Harness.Abstractions.Similarity;
using static TorchSharp.torch;

namespace Harness.Conformance.Losses;

/// <summary>
/// Conformance checks for losses. The batch is built so that every sensible loss is in its active region: queries
/// are orthogonal unit vectors, each positive is nearly orthogonal to every query (a low score) and each negative
/// lies close to its own query (a high score). Moving a positive toward its query, or a negative away from it, then
/// changes only that query's scores, so the loss must go down. Beyond that: multi-positive and graded rows, and for
/// what the configuration declares (<see cref="LossCapabilities"/>): a masked candidate neither changes the value nor
/// gets a gradient, an excluded in-batch column does not touch its row, all-ones weights equal no weights and a zero
/// weight removes a query's gradient, the score-level stage equals the embedding-level one, and a learnable
/// <see cref="ILoss.Module"/> gets a gradient.
/// </summary>
public static class LossConformance
{
    private const int BatchSize = 4;
    private const int Candidates = 4;
    private const int Dim = 16;

    /// <summary>Runs every loss check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="create">Creates a fresh loss for a context (called several times).</param>
    /// <param name="capabilities">What the configuration declared (default: nothing).</param>
    /// <param name="seed">The seed for contexts and batches.</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, ILoss> create, LossCapabilities? capabilities = null, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(create);
        var caps = capabilities ?? LossCapabilities.None;
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
            moved[0, 0] = d[0, 0].Times(0.5f).Plus(q[0].Times(0.5f));
            var after = Value(loss, q, moved, l);
            return after < before - (1e-6 * Math.Max(1, Math.Abs(before)))
                ? null
                : $"loss {before:R} became {after:R} when the first query's positive moved toward it";
        });

        if (caps.RankWeighted)
        {
            // Rank-weighted losses (LossCapabilities.RankWeighted) re-weight their terms when the ranking changes, so
            // only the direction of the step is a property of the loss: the gradient with respect to the hardest
            // negative's score must be positive (a descent step lowers it). Through the score stage when the loss has
            // one (column 1 is query 0's candidate 1 in both layouts), else along the query direction in embedding space.
            r.Run("a negative's gradient pushes its score down", () =>
            {
                using var scope = NewDisposeScope();
                var (q, d0, l) = HardBatch(seed);
                float slope;
                if (loss is IScoreLoss scoreLoss)
                {
                    var batch = LossMath.ToScores(new LossBatch(q, d0, l), caps.Similarity ?? SimilarityFunction.Dot, caps.Has(LossFeatures.InBatchNegatives));
                    var scores = batch.Scores.detach().requires_grad_(true);
                    scoreLoss.Compute(batch with { Scores = scores }).backward();
                    slope = scores.grad is null ? 0 : scores.grad[0, 1].item<float>();
                }
                else
                {
                    var d = d0.detach().requires_grad_(true);
                    loss.Compute(new LossBatch(q, d, l)).backward();
                    slope = d.grad is null ? 0 : (d.grad[0, 1] * q[0]).sum().item<float>();
                }

                return slope > 0 && float.IsFinite(slope)
                    ? null
                    : $"the first query's hardest negative has gradient {slope:R} on its score (expected > 0: a descent step lowers it)";
            });
        }
        else
        {
            r.Run("decreases when a negative's score falls", () =>
            {
                using var scope = NewDisposeScope();
                var (q, d, l) = HardBatch(seed);
                var before = Value(loss, q, d, l);
                using var _ = no_grad();
                var moved = d.clone();
                moved[0, 1] = d[0, 1] - q[0].Times(1.5f);
                var after = Value(loss, q, moved, l);
                return after < before - (1e-6 * Math.Max(1, Math.Abs(before)))
                    ? null
                    : $"loss {before:R} became {after:R} when the first query's hardest negative moved away from it";
            });
        }

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

        CheckLayouts(r, loss, seed);
        CheckDeclared(r, loss, caps, seed);
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
        LossCapabilities caps;
        try
        {
            caps = plugin.GetCapabilities(p) ?? throw new InvalidOperationException("GetCapabilities returned null");
        }
        catch (Exception e)
        {
            return [new CheckResult(plugin.Info.Id, "declares its capabilities", CheckOutcome.Failed, $"threw {e.GetType().Name}: {e.Message}")];
        }

        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx), caps);
    }

    private static void CheckLayouts(CheckRecorder r, ILoss loss, int seed)
    {
        r.Run("multi-positive rows: finite, every positive gets a gradient, the loss falls when the second positive rises", () =>
        {
            using var scope = NewDisposeScope();
            var (q0, d0, l) = HardBatch(seed, [0, 2]);
            return PositivesCheck(loss, q0, d0, l, [0, 2], 2);
        });

        r.Run("graded rows (grades 2 and 1): finite, both positives get a gradient, the loss falls when the grade-2 positive rises", () =>
        {
            using var scope = NewDisposeScope();
            var (q0, d0, l) = HardBatch(seed, [0, 2]);
            l[.., 0] = 2;
            return PositivesCheck(loss, q0, d0, l, [0, 2], 0);
        });
    }

    private static string? PositivesCheck(ILoss loss, Tensor q0, Tensor d0, Tensor l, int[] positives, int raise)
    {
        var q = q0.detach().requires_grad_(true);
        var d = d0.detach().requires_grad_(true);
        var value = loss.Compute(new LossBatch(q, d, l));
        var v = value.to_type(ScalarType.Float64).item<double>();
        if (!double.IsFinite(v))
        {
            return $"value is {v}";
        }

        value.backward();
        foreach (var p in positives)
        {
            var g = d.grad is null ? 0 : d.grad[.., p].abs().sum().item<float>();
            if (!(g > 0 && float.IsFinite(g)))
            {
                return $"the positives in column {p} get no finite non-zero gradient ({g})";
            }
        }

        var before = Value(loss, q0, d0, l);
        using var _ = no_grad();
        var moved = d0.clone();
        moved[0, raise] = d0[0, raise].Times(0.5f).Plus(q0[0].Times(0.5f));
        var after = Value(loss, q0, moved, l);
        return after < before - (1e-6 * Math.Max(1, Math.Abs(before))) ? null : $"loss {before:R} became {after:R} when the positive in column {raise} moved toward its query";
    }

    private static void CheckDeclared(CheckRecorder r, ILoss loss, LossCapabilities caps, int seed)
    {
        if (caps.Has(LossFeatures.Scores) && caps.Similarity is null)
        {
            r.Fail("declares Scores with a Similarity", "LossCapabilities declares Scores but no Similarity, so the host cannot compute the scores it would pass");
        }

        var inBatch = caps.Has(LossFeatures.InBatchNegatives);
        if (!caps.Has(LossFeatures.Mask))
        {
            r.Skip("masked candidates", "the configuration does not declare Mask (the host pads or drops ragged rows)");
        }
        else
        {
            r.Run("a masked candidate changes neither the value nor gets a gradient", () =>
            {
                using var scope = NewDisposeScope();
                var (q, d0, l) = HardBatch(seed);
                var mask = ones(BatchSize, Candidates, dtype: ScalarType.Bool);
                mask[0, 1] = false;
                mask[2, 3] = false;
                var garbage = d0.clone();
                garbage[0, 1] = randn(Dim, generator: new Generator(99)).Times(5);
                garbage[2, 3] = randn(Dim, generator: new Generator(98)).Times(5);
                var a = Value(loss, new LossBatch(q, d0, l) { Mask = mask });
                var b = Value(loss, new LossBatch(q, garbage, l) { Mask = mask });
                if (Math.Abs(a - b) > 1e-5 * Math.Max(1, Math.Abs(a)))
                {
                    return $"changing the masked candidates' embeddings changed the loss from {a:R} to {b:R}";
                }

                var d = d0.detach().requires_grad_(true);
                loss.Compute(new LossBatch(q, d, l) { Mask = mask }).backward();
                var g = d.grad is null ? 0 : d.grad[0, 1].abs().sum().item<float>() + d.grad[2, 3].abs().sum().item<float>();
                var rest = d.grad is null ? 0 : d.grad.abs().sum().item<float>();
                return g == 0 && rest > 0 ? null : $"masked candidates got |grad| {g} (must be 0; the rest got {rest})";
            });
        }

        if (!caps.Has(LossFeatures.InBatchExcluded) || !inBatch)
        {
            r.Skip("in-batch exclusions", inBatch ? "the configuration does not declare InBatchExcluded" : "the configuration does not use in-batch negatives");
        }
        else
        {
            r.Run("an excluded in-batch column does not touch its row (no negative gradient through it)", () =>
            {
                using var scope = NewDisposeScope();
                var (q0, d0, l) = HardBatch(seed);

                // Column (query 1, candidate 2) is excluded for row 0; moving that document must leave row 0 (and so the
                // gradient of query 0, which appears in row 0 only) unchanged.
                var excluded = zeros(BatchSize, BatchSize * Candidates, dtype: ScalarType.Bool);
                excluded[0, (1 * Candidates) + 2] = true;
                var moved = d0.clone();
                moved[1, 2] = q0[0].Times(2);
                var g1 = QueryGradient(loss, q0, d0, l, excluded);
                var g2 = QueryGradient(loss, q0, moved, l, excluded);
                var without = QueryGradient(loss, q0, moved, l, null);
                if (!g1.allclose(g2, 1e-5, 1e-7))
                {
                    return "query 0's gradient changed when its excluded in-batch column moved";
                }

                return without.allclose(g2, 1e-5, 1e-7) ? "the exclusion made no difference (is the column used as an in-batch negative at all?)" : null;
            });
        }

        if (!caps.Has(LossFeatures.Weights))
        {
            r.Skip("weights", "the configuration does not declare Weights");
        }
        else
        {
            r.Run("all-ones weights ([B] and [B,M]) equal no weights", () =>
            {
                using var scope = NewDisposeScope();
                var (q, d, l) = RandomBatch(seed + 3);
                var plain = Value(loss, new LossBatch(q, d, l));
                var rows = Value(loss, new LossBatch(q, d, l) { Weights = ones(BatchSize) });
                var cells = Value(loss, new LossBatch(q, d, l) { Weights = ones(BatchSize, Candidates) });
                var tol = 1e-5 * Math.Max(1, Math.Abs(plain));
                return Math.Abs(rows - plain) <= tol && Math.Abs(cells - plain) <= tol ? null : $"no weights {plain:R}, ones [B] {rows:R}, ones [B,M] {cells:R}";
            });

            r.Run("a zero weight removes a query's gradient", () =>
            {
                using var scope = NewDisposeScope();
                var (q0, d, l) = HardBatch(seed);
                var w = ones(BatchSize);
                w[1] = 0;
                var q = q0.detach().requires_grad_(true);
                var value = loss.Compute(new LossBatch(q, d, l) { Weights = w });
                if (!double.IsFinite(value.to_type(ScalarType.Float64).item<double>()))
                {
                    return "the value is not finite";
                }

                value.backward();
                var zeroRow = q.grad is null ? 0 : q.grad[1].abs().sum().item<float>();
                var others = q.grad is null ? 0 : q.grad.abs().sum().item<float>();
                return zeroRow == 0 && others > 0 ? null : $"query 1 (weight 0) got |grad| {zeroRow}; the others {others}";
            });
        }

        if (caps.Has(LossFeatures.Scores) && caps.Similarity is { } similarity)
        {
            r.Run("the score stage equals the embedding stage (IScoreLoss.Compute(LossMath.ToScores(batch)) = ILoss.Compute(batch))", () =>
            {
                if (loss is not IScoreLoss scoreLoss)
                {
                    return $"declares Scores but {loss.GetType().Name} does not implement IScoreLoss";
                }

                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var (q, d, l) = RandomBatch(seed + 4);
                var batch = new LossBatch(q, d, l);
                var a = loss.Compute(batch).to_type(ScalarType.Float64).item<double>();
                var b = scoreLoss.Compute(LossMath.ToScores(batch, similarity, inBatch)).to_type(ScalarType.Float64).item<double>();
                return Math.Abs(a - b) <= 1e-5 * Math.Max(1, Math.Abs(a)) ? null : $"embedding stage {a:R}, score stage {b:R}";
            });
        }

        if (loss.Module is { } module)
        {
            r.Run("the loss's learnable module gets a gradient", () =>
            {
                using var scope = NewDisposeScope();
                var parameters = module.parameters().ToList();
                if (parameters.Count == 0)
                {
                    return "Module has no parameters (return null instead)";
                }

                foreach (var p in parameters)
                {
                    p.grad?.zero_();
                }

                var (q, d, l) = HardBatch(seed);
                loss.Compute(new LossBatch(q, d, l)).backward();
                var total = parameters.Sum(p => p.grad is null ? 0.0 : p.grad.abs().sum().item<float>());
                foreach (var p in parameters)
                {
                    p.grad?.zero_();
                }

                return total > 0 && double.IsFinite(total) ? null : $"sum of |grad| over the module's parameters is {total}";
            });
        }
    }

    private static Tensor QueryGradient(ILoss loss, Tensor q0, Tensor d, Tensor l, Tensor? excluded)
    {
        var q = q0.detach().requires_grad_(true);
        loss.Compute(new LossBatch(q, d, l) { InBatchExcluded = excluded }).backward();
        return q.grad is null ? zeros(1) : q.grad[0].detach().clone();
    }

    private static double Value(ILoss loss, Tensor q, Tensor d, Tensor l) => Value(loss, new LossBatch(q, d, l));

    private static double Value(ILoss loss, LossBatch batch)
    {
        using var _ = no_grad();
        return loss.Compute(batch).to_type(ScalarType.Float64).item<double>();
    }

    /// <summary>Orthogonal unit queries; positives nearly orthogonal to all queries; negatives close to their query.</summary>
    private static (Tensor Queries, Tensor Documents, Tensor Labels) HardBatch(int seed) => HardBatch(seed, [0]);

    private static (Tensor Queries, Tensor Documents, Tensor Labels) HardBatch(int seed, int[] positives)
    {
        var g = new Generator((ulong)seed);
        var basis = eye(Dim, dtype: ScalarType.Float32);
        var q = basis[..BatchSize].clone();
        var d = zeros(BatchSize, Candidates, Dim);
        var l = zeros(BatchSize, Candidates);
        for (var i = 0; i < BatchSize; i++)
        {
            for (var k = 0; k < Candidates; k++)
            {
                if (positives.Contains(k))
                {
                    // Positives far from every query (a low score): raising one must lower the loss.
                    d[i, k] = basis[BatchSize + ((i + (k * BatchSize)) % (Dim - BatchSize))].Plus(randn(Dim, generator: g).Times(0.02f));
                    l[i, k] = 1;
                }
                else
                {
                    // Negatives near the query; the first (k = 1) is the hardest.
                    d[i, k] = q[i].Times(1.0f - (0.05f * k)).Plus(randn(Dim, generator: g).Times(0.02f));
                }
            }
        }

        return (q, d, l);
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
