using Harness.Abstractions.Encoders;
using Harness.Abstractions.Plugins;
using static TorchSharp.torch;

namespace Harness.Conformance.Encoders;

/// <summary>
/// Conformance checks for encoders: output shape, dtype and device (the parameters' device: the host never moves an
/// encoder), gradients, determinism, a Save → Load round trip into an instance created with another seed, and
/// role-specific parameters that agree with the declared traits.
/// </summary>
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
    /// <param name="traits">What the configuration declared (default: <see cref="EncoderTraits.Default"/>).</param>
    /// <param name="seed">The seed for contexts.</param>
    /// <returns>One result per check.</returns>
    public static IReadOnlyList<CheckResult> Check(string subject, Func<IPluginContext, IEncoder> create, EncoderTraits? traits = null, int seed = 1234)
    {
        ArgumentNullException.ThrowIfNull(create);
        var declared = traits ?? EncoderTraits.Default;
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

            r.Run("output is on the parameters' device", () =>
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var parameter = encoder.Module.parameters().FirstOrDefault();
                if (parameter is null)
                {
                    return "the module has no parameters";
                }

                var e = encoder.Encode(Texts, TextRole.Query);
                var none = encoder.Encode([], TextRole.Document);
                static bool Same(Device a, Device b) => a.type == b.type && a.index == b.index;
                return Same(e.device, parameter.device) && Same(none.device, parameter.device)
                    ? null
                    : $"parameters on {parameter.device}, output on {e.device} (empty input: {none.device})";
            });

            r.Run("Save then Load into an instance created with another seed gives identical embeddings", () =>
            {
                using var scope = NewDisposeScope();
                var directory = Directory.CreateTempSubdirectory("harness-conformance-encoder-").FullName;
                try
                {
                    encoder.Save(directory);
                    using var other = create(ConformanceContext.Create(seed + 1));
                    other.Load(directory);
                    encoder.Module.eval();
                    other.Module.eval();
                    using var _ = no_grad();
                    foreach (var role in new[] { TextRole.Query, TextRole.Document })
                    {
                        var a = encoder.Encode(Texts, role);
                        var b = other.Encode(Texts, role);
                        if (!a.allclose(b, 0, 0))
                        {
                            return $"{role}: embeddings differ after Save/Load (max |diff| {(a - b).abs().max().item<float>()})";
                        }
                    }

                    return null;
                }
                finally
                {
                    Directory.Delete(directory, recursive: true);
                }
            });

            r.Run("role parameters agree with the traits (disjoint towers, or one shared tower)", () =>
            {
                var query = encoder.ParametersFor(TextRole.Query)?.ToList();
                var document = encoder.ParametersFor(TextRole.Document)?.ToList();
                if (declared.SharedTower)
                {
                    return query is null && document is null ? null : "declares a shared tower but ParametersFor returns role parameters";
                }

                if (query is null || document is null || query.Count == 0 || document.Count == 0)
                {
                    return "declares two towers but ParametersFor does not return each role's parameters";
                }

                var all = encoder.Module.parameters().Select(p => p.Handle).ToHashSet();
                var q = query.Select(p => p.Handle).ToHashSet();
                var shared = document.Where(p => q.Contains(p.Handle)).ToList();
                if (shared.Count > 0)
                {
                    return $"{shared.Count} parameter(s) are returned for both roles";
                }

                return query.Concat(document).All(p => all.Contains(p.Handle)) ? null : "ParametersFor returns parameters that are not the module's";
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
        EncoderTraits traits;
        try
        {
            traits = plugin.GetTraits(p) ?? throw new InvalidOperationException("GetTraits returned null");
        }
        catch (Exception e)
        {
            return [new CheckResult(plugin.Info.Id, "declares its traits", CheckOutcome.Failed, $"threw {e.GetType().Name}: {e.Message}")];
        }

        return Check(plugin.Info.Id, ctx => plugin.Create(p, ctx), traits);
    }
}
