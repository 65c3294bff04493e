using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Harness.Training.Optimization;

/// <summary>
/// Adam / AdamW over named parameters, with a lazy row-wise update for parameters whose gradient is sparse.
/// <para>
/// Hand-written rather than TorchSharp's <c>optim.Adam</c>/<c>optim.AdamW</c> because (1) those refuse sparse
/// gradients and TorchSharp 0.107 has no <c>SparseAdam</c>, so a 2^18 × 128 hashed table would pay a dense step over
/// 33 M values (read and write of weight, grad, m and v) on every batch; and (2) one implementation gives one
/// state format that the checkpoint writes and reads bit-exactly. The dense path is PyTorch's single-tensor Adam
/// (torch/optim/adam.py, <c>_single_tensor_adam</c>, amsgrad off), checked against TorchSharp's own Adam and AdamW
/// in the tests.
/// </para>
/// <para>
/// Lazy semantics for a sparse gradient (as torch.optim.SparseAdam and TensorFlow's LazyAdam): only the rows present
/// in the gradient are touched. Their moments are updated exactly as dense Adam would (m ← β1 m + (1−β1) g,
/// v ← β2 v + (1−β2) g²) and the row moves by lr·m̂/(√v̂ + ε) with the bias corrections of the parameter's step count
/// t (incremented every step, touched or not, as SparseAdam does). Rows absent from the gradient keep their
/// moments and weights unchanged, whereas dense Adam would decay their moments and keep moving them by the stale
/// momentum. So on the touched rows the two agree step by step as long as every row was touched at every earlier
/// step; with AdamW the decoupled weight decay is applied to the touched rows only, and with Adam the L2 term is
/// added to the touched rows' gradient only. ε is added after dividing √v by √(1−β2^t), as in dense Adam (SparseAdam
/// adds it before, a difference of ε·(√(1−β2^t)−1)).
/// </para>
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private readonly (string Name, Parameter Parameter)[] _parameters;
    private readonly Tensor?[] _m;
    private readonly Tensor?[] _v;
    private readonly long[] _steps;

    public AdamOptimizer(IEnumerable<(string Name, Parameter Parameter)> parameters, OptimizerKind kind, double beta1, double beta2, double epsilon, double weightDecay, bool sparseUpdates)
    {
        _parameters = parameters.ToArray();
        Kind = kind;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        SparseUpdates = sparseUpdates;
        _m = new Tensor?[_parameters.Length];
        _v = new Tensor?[_parameters.Length];
        _steps = new long[_parameters.Length];
    }

    public OptimizerKind Kind { get; }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    public double WeightDecay { get; }

    public bool SparseUpdates { get; }

    public IReadOnlyList<(string Name, Parameter Parameter)> Parameters => _parameters;

    /// <summary>Applies one step with the given gradients (one per parameter, null = no gradient: skipped, as
    /// torch skips a parameter whose grad is None). Sparse gradients must be coalesced (see <see cref="SparseGradients.Coalesce"/>).</summary>
    public void Step(IReadOnlyList<Tensor?> gradients, double learningRate)
    {
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var g = gradients[i];
            if (g is null)
            {
                continue;
            }

            var p = _parameters[i].Parameter;
            // Optimiser state lives as long as the optimiser: never in a caller's dispose scope.
            _m[i] ??= zeros_like(p).DetachFromDisposeScope();
            _v[i] ??= zeros_like(p).DetachFromDisposeScope();
            var t = ++_steps[i];
            var bc1 = 1 - Math.Pow(Beta1, t);
            var bc2 = 1 - Math.Pow(Beta2, t);
            if (g.is_sparse && SparseUpdates)
            {
                SparseStep(p, g, _m[i]!, _v[i]!, learningRate, bc1, bc2);
            }
            else
            {
                using var dense = g.is_sparse ? g.to_dense() : null;
                DenseStep(p, dense ?? g, _m[i]!, _v[i]!, learningRate, bc1, bc2);
            }
        }
    }

    private void DenseStep(Tensor p, Tensor g, Tensor m, Tensor v, double lr, double bc1, double bc2)
    {
        using var scope = NewDisposeScope();
        using var s = new StepScalars(lr, bc1, bc2, this);
        if (WeightDecay != 0)
        {
            if (Kind == OptimizerKind.AdamW)
            {
                p.mul_(s.Decay);
            }
            else
            {
                g = g.add(p, alpha: s.WeightDecay);
            }
        }

        m.lerp_(g, 1 - Beta1); // lerp_'s weight is a Tensor: the double becomes a scalar tensor owned by the step's dispose scope
        v.mul_(s.Beta2).addcmul_(g, g, value: s.OneMinusBeta2);
        var denom = v.sqrt().div_(s.SqrtBc2).add_(s.Epsilon, ConstantScalars.One);
        p.addcdiv_(m, denom, value: s.StepSize);
    }

    private void SparseStep(Tensor p, Tensor g, Tensor m, Tensor v, double lr, double bc1, double bc2)
    {
        using var scope = NewDisposeScope();
        using var s = new StepScalars(lr, bc1, bc2, this);
        var rows = g.SparseIndices[0];
        var values = g.SparseValues;
        var pRows = p.index_select(0, rows);
        if (WeightDecay != 0)
        {
            if (Kind == OptimizerKind.AdamW)
            {
                pRows.mul_(s.Decay);
            }
            else
            {
                values = values.add(pRows, alpha: s.WeightDecay);
            }
        }

        var mRows = m.index_select(0, rows).lerp_(values, 1 - Beta1);
        var vRows = v.index_select(0, rows).mul_(s.Beta2).addcmul_(values, values, value: s.OneMinusBeta2);
        var denom = vRows.sqrt().div_(s.SqrtBc2).add_(s.Epsilon, ConstantScalars.One);
        pRows.addcdiv_(mRows, denom, value: s.StepSize);
        m.index_copy_(0, rows, mRows);
        v.index_copy_(0, rows, vRows);
        p.index_copy_(0, rows, pRows);
    }

    /// <summary>The state to checkpoint: per parameter its step count and moments (null moments before the first step).</summary>
    public IEnumerable<(string Name, long Step, Tensor? M, Tensor? V)> State()
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            yield return (_parameters[i].Name, _steps[i], _m[i], _v[i]);
        }
    }

    /// <summary>Restores one parameter's state (copies the tensors).</summary>
    public void Restore(string name, long step, Tensor? m, Tensor? v)
    {
        var i = Array.FindIndex(_parameters, p => p.Name == name);
        if (i < 0)
        {
            throw new InvalidOperationException($"optimiser state for unknown parameter '{name}'");
        }

        var p = _parameters[i].Parameter;
        _steps[i] = step;
        _m[i]?.Dispose();
        _v[i]?.Dispose();
        _m[i] = m?.to(p.dtype).to(p.device).clone().DetachFromDisposeScope();
        _v[i] = v?.to(p.dtype).to(p.device).clone().DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in _m.Concat(_v))
        {
            t?.Dispose();
        }
    }

    /// <summary>
    /// The step's scalars as explicit TorchSharp <see cref="Scalar"/>s, disposed after the step. Why not the implicit
    /// double-to-Scalar conversions: those Scalars are left to the finalizer, which may free one while libtorch still
    /// reads it (the managed object is unreachable once its handle is passed), and a matrix cell on debian-descriptions
    /// failed once in an in-place mul_ with "Exception raised from toDouble at c10/core/Scalar.h" (a freed Scalar's
    /// tag). Holding them here keeps each alive until the step is over.
    /// </summary>
    private sealed class StepScalars : IDisposable
    {
        public StepScalars(double lr, double bc1, double bc2, AdamOptimizer o)
        {
            Decay = (1 - (lr * o.WeightDecay)).ToScalar();
            WeightDecay = o.WeightDecay.ToScalar();
            Beta2 = o.Beta2.ToScalar();
            OneMinusBeta2 = (1 - o.Beta2).ToScalar();
            SqrtBc2 = Math.Sqrt(bc2).ToScalar();
            Epsilon = o.Epsilon.ToScalar();
            StepSize = (-lr / bc1).ToScalar();
        }

        public Scalar Decay { get; }

        public Scalar WeightDecay { get; }

        public Scalar Beta2 { get; }

        public Scalar OneMinusBeta2 { get; }

        public Scalar SqrtBc2 { get; }

        public Scalar Epsilon { get; }

        public Scalar StepSize { get; }

        public void Dispose()
        {
            Decay.Dispose();
            WeightDecay.Dispose();
            Beta2.Dispose();
            OneMinusBeta2.Dispose();
            SqrtBc2.Dispose();
            Epsilon.Dispose();
            StepSize.Dispose();
        }
    }
}
