using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using static TorchSharp.torch;

namespace Harness.Conformance.Encoders;

/// <summary>Conformance checks for encoders: output shape and dtype, gradients, determinism.</summary>
public static class EncoderConformance
{
    private static readonly string[] Texts =
    [
        "a fast kernel driver for network devices",
        "python bindings for the image library",
        "",
        "Ünïcödé text, punctuation!? and    spaces",
    ];

    /// <summary>Runs every encoder check.</summary>
    /// <param name="subject">The plugin id or a name for the report.</param>
    /// <param name="create">Creates a fresh encoder for a context (called twice).</param>
    /// <param name="seed">The seed for contexts.</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, IEncoder> create, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(create);
        var r = new CheckRecorder(subject);
        IEncoder encoder;
        try
        {
            encoder = create(ConformanceContext.Create(seed));
        }
        catch (Exception e)
        {
            r.Fail("creates with default parameters", $"threw {e.GetType().Name}: {e.Message}");
            return r.Results;
        }

        try
        {
            r.Run("output shape, dtype and values", () =>
            {
                using var scope = NewDisposeScope();
                encoder.Module.eval();
                using var _ = no_grad();
                foreach (var role in new[] { TextRole.Query, TextRole.Document })
                {
                    var e = encoder.Encode(Texts, role);
                    if (e.dim() != 2 || e.shape[0] != Texts.Length || e.shape[1] != encoder.Dimension)
                    {
                        return $"{role}: expected [{Texts.Length},{encoder.Dimension}], got [{string.Join(",", e.shape)}]";
                    }

                    if (e.dtype != ScalarType.Float32)
                    {
                        return $"{role}: expected float32, got {e.dtype}";
                    }

                    if (!e.isfinite().all().item<bool>())
                    {
                        return $"{role}: non-finite values";
                    }
                }

                var none = encoder.Encode([], TextRole.Query);
                return none.shape.Length == 2 && none.shape[0] == 0 && none.shape[1] == encoder.Dimension
                    ? null
                    : $"no texts gave shape [{string.Join(",", none.shape)}], expected [0,{encoder.Dimension}]";
            });

            r.Run("gradient reaches the parameters", () =>
            {
                using var scope = NewDisposeScope();
                encoder.Module.train();
                var parameters = encoder.Module.parameters().ToList();
                if (parameters.Count == 0)
                {
                    return "the module has no parameters";
                }

                foreach (var p in parameters)
                {
                    p.grad?.zero_();
                }

                var e = encoder.Encode(Texts, TextRole.Document);
                var weights = randn([Texts.Length, encoder.Dimension], generator: new Generator(7));
                (e * weights).sum().backward();
                var total = parameters.Sum(p => p.grad is null ? 0.0 : p.grad.abs().sum().item<float>());
                foreach (var p in parameters)
                {
                    p.grad?.zero_();
                }

                encoder.Module.eval();
                return total > 0 && double.IsFinite(total) ? null : $"sum of |grad| over parameters is {total}";
            });

            r.Run("deterministic for a seed", () =>
            {
                using var scope = NewDisposeScope();
                using var other = create(ConformanceContext.Create(seed));
                encoder.Module.eval();
                other.Module.eval();
                using var _ = no_grad();
                var a = encoder.Encode(Texts, TextRole.Query);
                var b = encoder.Encode(Texts, TextRole.Query);
                var c = other.Encode(Texts, TextRole.Query);
                return a.allclose(b, 0, 0) && a.allclose(c, 0, 0) ? null : "the same texts gave different embeddings (same instance twice, or two instances with the same seed)";
            });
        }
        finally
        {
            encoder.Dispose();
        }

        return r.Results;
    }

    /// <summary>Runs the checks on an encoder plugin.</summary>
    /// <param name="plugin">The plugin.</param>
    /// <param name="parameters">Parameters to use (defaults when null).</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(IEncoderPlugin plugin, PluginParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var p = parameters ?? PluginParameters.Resolve(plugin.Info.Parameters);
        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx));
    }
}
